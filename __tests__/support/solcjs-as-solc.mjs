// The npm solc (solc-js) behind the command line of native solc, as far as forge uses it:
// `--version` in native solc's format, and `--standard-json` with the input on stdin and the
// output on stdout. forge sends every source's content, so no import callback is needed.
// Other arguments (--allow-paths, --base-path, --include-path) only widen file access; they are ignored.
import { createRequire } from 'node:module';

const solc = createRequire(import.meta.url)('solc');
const args = process.argv.slice(2);
if (args.includes('--version')) {
  // forge reads the last line; native solc names its platform where solc-js says Emscripten.clang.
  process.stdout.write(`solc, the solidity compiler commandline interface\nVersion: ${solc.version().replace('.Emscripten.clang', '.Linux.g++')}\n`);
} else if (args.includes('--standard-json')) {
  let input = '';
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', chunk => (input += chunk));
  process.stdin.on('end', () => process.stdout.write(solc.compile(input)));
} else {
  process.stderr.write(`solcjs-as-solc: only --version and --standard-json are supported, not: ${args.join(' ')}\n`);
  process.exit(2);
}
