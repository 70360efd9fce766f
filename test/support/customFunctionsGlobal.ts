// The CustomFunctions global the Excel runtime provides, as the workbench also provides it.
import "../../src/workbench/customFunctionsRuntime";
