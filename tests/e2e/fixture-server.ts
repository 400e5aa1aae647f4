// The fake Hugging Face and arXiv for the browser tests: playwright.config.ts starts it as a
// second webServer and points the app's HF_API_URL / ARXIV_API_URL / ARXIV_RSS_URL at it.
// It serves tests/fixtures in the services' real formats (see tests/support/fake-upstream.ts).
import { fixtureResponder, startFakeUpstream } from "../support/fake-upstream";

const port = Number(process.env.FIXTURE_PORT ?? 3231);
const upstream = await startFakeUpstream(fixtureResponder(), port);
console.log(`fixture server on ${upstream.url}`);

const stop = () => {
  upstream.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
