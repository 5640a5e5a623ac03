// Entry point of the public apply page (/apply/<slug>): a bundle of its own, kept small for
// candidates on a phone and a weak connection.
import './programme/apply-page.js';
