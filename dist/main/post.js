if (Number(process.versions.node.split('.')[0]) < 24) {
  process.stdout.write(`::error::cutover (root action, post) runs on Node 24 (its action.yml says using: node24), but this is Node ${process.version}. Use a runner that supports node24 actions, or run 'npx cutover' on the Node you have.\n`);
  process.exit(1);
}
const cutover = await import('../cutover/index.js');
await cutover.runRootPost();
