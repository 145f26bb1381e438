import { z } from 'zod/v4';
import { reliabilitySubmissionSchema } from './reliabilitySubmission.js';
import { fmeaSubmissionSchema } from './fmeaSubmission.js';
import { db31SubmissionSchema } from './db31Submission.js';

export * from './common.js';
export * from './reliabilitySubmission.js';
export * from './fmeaSubmission.js';
export * from './db31Submission.js';
export { bilingualZodError, zodIssueText } from './zodMessages.js';

/** Any submission kekao can assess, told apart by `rubric`. */
export const submissionSchema = z.discriminatedUnion('rubric', [reliabilitySubmissionSchema, fmeaSubmissionSchema, db31SubmissionSchema]);
export type Submission = z.infer<typeof submissionSchema>;
export type SubmissionInput = z.input<typeof submissionSchema>;
