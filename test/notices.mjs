// Jest global setup: what this run leaves out, and how to run it.
import browserNotice from './browser-notice.mjs';
import esdbNotice from './esdb-notice.mjs';

export default function notices() {
  esdbNotice();
  browserNotice();
}
