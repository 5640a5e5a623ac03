// Bundled for the component tests: the elements under test, alone on a blank page.
import { setLocale } from '../../../web-components/i18n/localization.js';
import { LiveFeed } from '../../../web-components/workspace/live/live-feed.js';
import '../../../web-components/workspace/interviews/interview-editor.js';
import '../../../web-components/workspace/interviews/programme-settings.js';
import '../../../web-components/workspace/invitations/invite-form.js';
import '../../../web-components/workspace/invitations/invitation-panel.js';
import '../../../web-components/workspace/feedback/feedback-editor.js';
import '../../../web-components/workspace/review/answer-player.js';
import '../../../web-components/workspace/review/candidate-review.js';
import '../../../web-components/workspace/review/rating-form.js';
import '../../../web-components/workspace/review/review-queue.js';

// What a test needs to build a view's context in the page: the real live feed (over the
// harness's socket.io server) and the language switch.
Object.assign(window, { workspaceHarness: { LiveFeed, setLocale } });

import '../../../web-components/workspace/results/deviation-chart.js';

import { dateTime } from '../../../web-components/candidate/format.js';
// Issue 21: dates in the browser's own regional variant of the chosen language.
import { formatDateTime } from '../../../web-components/workspace/shared/format.js';

Object.assign(window, { formatters: { formatDateTime, dateTime } });
