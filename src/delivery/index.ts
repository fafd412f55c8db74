export { saveFile, officeSaveEnv, handOff, type SaveEnv, type SaveResult } from "./saveFile";
