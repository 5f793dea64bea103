// The API's own worker entry (src/index.ts), built like the deployed one, with every dependency a
// configurable round trip away (see latency.js).
import app from "../../../src/index";
import { withLatency } from "./latency.js";

export default withLatency(app);
