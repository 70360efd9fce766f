/** The notices PAB Watch drafts, in the order of the escalation. */
export type NoticeKind =
  | "internal"
  | "all-clear"
  | "customer-risk"
  | "customer-confirmed"
  | "customer-all-clear"
  | "review";

export const NOTICE_KINDS: readonly NoticeKind[] = [
  "internal",
  "all-clear",
  "customer-risk",
  "customer-confirmed",
  "customer-all-clear",
  "review",
];
