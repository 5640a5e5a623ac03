// Bundled for the component tests: the elements under test, alone on a blank page.
import { ApiError } from '../../../web-components/api-client.js';
import { setLocale } from '../../../web-components/i18n/localization.js';
import { LiveFeed } from '../../../web-components/workspace/live/live-feed.js';
import { themeTokens } from '../../../web-components/workspace/shared/base.styles.js';
import '../../../web-components/workspace/interviews/interview-editor.js';
import '../../../web-components/workspace/interviews/members-editor.js';
import '../../../web-components/workspace/interviews/programme-settings.js';
import '../../../web-components/workspace/invitations/invite-form.js';
import '../../../web-components/workspace/invitations/invitation-panel.js';
import '../../../web-components/workspace/feedback/feedback-editor.js';
import '../../../web-components/workspace/review/answer-player.js';
import '../../../web-components/workspace/review/candidate-review.js';
import '../../../web-components/workspace/review/rating-form.js';
import '../../../web-components/workspace/review/shares-panel.js';
import '../../../web-components/workspace/review/review-queue.js';

// What a test needs to build a view's context in the page: the real live feed (over the
// harness's socket.io server), the language switch, the API's error (a fake API throws it to
// stand for a problem+json answer), and the shell's colours (for axe to check real contrast).
Object.assign(window, { workspaceHarness: { LiveFeed, setLocale, ApiError, themeTokens } });

import '../../../web-components/workspace/results/deviation-chart.js';

import { dateTime } from '../../../web-components/candidate/format.js';
// Issue 21: dates in the browser's own regional variant of the chosen language.
import { formatDateTime } from '../../../web-components/workspace/shared/format.js';

Object.assign(window, { formatters: { formatDateTime, dateTime } });
