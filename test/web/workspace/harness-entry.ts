// Bundled for the component tests: the elements under test, alone on a blank page.
import '../../../web-components/workspace/review/answer-player.js';
import '../../../web-components/workspace/review/rating-form.js';
