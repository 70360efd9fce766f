/**
 * The notices PAB Watch drafts, in the order of the escalation: the incidents' steps, from a module
 * of their own so the command line's option parser loads nothing else.
 */
export type { NoticeStep as NoticeKind } from "../incidents/noticeSteps";
export { NOTICE_STEPS as NOTICE_KINDS } from "../incidents/noticeSteps";
