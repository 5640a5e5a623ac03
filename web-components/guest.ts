// Entry point of the hiring manager's page (/s/<token>): a bundle of its own, with nothing of
// the workspace or the recorder, for a phone on a weak connection.
import './guest/guest-page.js';
