// East of UTC, so just after midnight locally is still yesterday in UTC.
process.env.TZ = "Asia/Shanghai";
import { localToday } from "../../src/excel";

test("today is the planner's local date, not UTC's", () => {
  // 23:30 local time on 30 November: still the 30th here, whatever UTC says.
  const late = new Date(2026, 10, 30, 23, 30);
  expect(localToday(late)).toBe("2026-11-30");
  const early = new Date(2026, 11, 1, 0, 15);
  expect(localToday(early)).toBe("2026-12-01");
});
