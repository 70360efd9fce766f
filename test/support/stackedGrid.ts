import { FakeWorkbookModel } from "../../src/excel/fake/model";

/** A stacked MPS grid in the fake: per item Item, On hand, Safety stock, weeks, orders, MPS, a free row. */
export function stackedGrid(items: number, periods = 8, sheets = ["MPS"]): FakeWorkbookModel {
  const model = new FakeWorkbookModel();
  for (const name of sheets) addStackedGrid(model, name, items, periods);
  return model;
}

/** The same grid on one more sheet of the model. */
export function addStackedGrid(
  model: FakeWorkbookModel,
  name: string,
  items: number,
  periods: number
): void {
  const sheet = model.addSheet(name);
  for (let i = 0; i < items; i++) {
    const top = i * 7;
    model.setCell(sheet, top, 0, { value: "Item" });
    model.setCell(sheet, top, 1, { value: `FG-${i + 1}` });
    model.setCell(sheet, top + 1, 0, { value: "On hand" });
    model.setCell(sheet, top + 1, 1, { value: i % 2 ? 5 : 40 });
    model.setCell(sheet, top + 2, 0, { value: "Safety stock" });
    model.setCell(sheet, top + 2, 1, { value: 10 });
    model.setCell(sheet, top + 4, 0, { value: "Customer orders" });
    model.setCell(sheet, top + 5, 0, { value: "MPS" });
    for (let t = 0; t < periods; t++) {
      model.setCell(sheet, top + 3, 1 + t, { value: `W${t + 1}` });
      model.setCell(sheet, top + 4, 1 + t, { value: 10 + ((i + t) % 7) });
      model.setCell(sheet, top + 5, 1 + t, { value: t % 3 === 2 ? 30 : 0 });
    }
  }
}
