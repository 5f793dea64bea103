// The API's own worker entry (src/index.ts), built like the deployed one, with D1 metering.
import app from "../../../src/index";
import { metered } from "./d1-meter.js";

export default metered(app);
