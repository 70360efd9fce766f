/** The notices of the escalation, in the order DESIGN.md gives them (the same codes as `pab-watch draft --notice`). */
export type NoticeStep =
  | "internal"
  | "all-clear"
  | "customer-risk"
  | "customer-confirmed"
  | "customer-all-clear"
  | "review";

export const NOTICE_STEPS: readonly NoticeStep[] = [
  "internal",
  "all-clear",
  "customer-risk",
  "customer-confirmed",
  "customer-all-clear",
  "review",
];
