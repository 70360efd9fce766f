export { readCsvSnapshot, UnreadableCsvError } from "./readCsv";
