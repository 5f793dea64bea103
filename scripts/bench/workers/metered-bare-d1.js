// The bare D1 baseline with D1 metering, so its cost is reported the same way as the API's.
import bare from "./bare-d1.js";
import { metered } from "./d1-meter.js";

export default metered(bare);
