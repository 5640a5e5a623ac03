// French translations, assembled from one map per area so each area's owner edits only its file.
import { candidateFr } from './fr-candidate.js';
import { programmeFr } from './fr-programme.js';
import { workspaceFr } from './fr-workspace.js';

export const templates = { ...candidateFr, ...workspaceFr, ...programmeFr };
