import { Status } from "../engine";

export type Language = "en" | "zh-CN";

/** How a status reads to a planner; the codes themselves are never translated. */
export const STATUS_WORDS: Readonly<Record<Language, Record<Status, string>>> = {
  en: {
    stockout: "projected short",
    "at-risk": "needs its receipt on time",
    low: "below safety stock",
    ok: "ok",
  },
  "zh-CN": {
    stockout: "预计缺货",
    "at-risk": "依赖到货",
    low: "低于安全库存",
    ok: "正常",
  },
};
