import type { Config } from '../config/schema.js';
import { describePlan } from '../database/plan.js';
import { deployedVersion, type ReleaseRecord } from '../store/release-store.js';
import { batchOf, migrationsOf } from './database.js';

/** The release as the approval issue shows it: what goes live, where to look at it first, what the schema does. */
export async function describeRelease(config: Config, baseDir: string, record: ReleaseRecord): Promise<string> {
  const { snapshot, digest } = record.snapshot;
  const idle = snapshot.idle_color;
  const deployed = deployedVersion(record);
  const lines = [
    `cutover asks to promote **${config.service}** to **${config.environment}**: all traffic moves from ${snapshot.live_color} to ${idle}.`,
    '',
    '| color | role | version |',
    '|---|---|---|',
    `| ${snapshot.live_color} | live | ${snapshot.versions[snapshot.live_color] ?? 'unknown'} |`,
    `| ${idle} | new | ${deployed ?? snapshot.versions[idle] ?? 'unknown'} |`,
    '',
    `Snapshot: \`${digest}\``,
    config.colors?.[idle].url
      ? `Preview of ${idle}: ${config.colors[idle].url}`
      : config.colors
        ? `No preview URL: set colors.${idle}.url in cutover.yml to show one.`
        : `${idle} is ${record.snapshot.snapshot.router.state.endpoints[idle]}.`
  ];
  if (config.database) {
    const migrations = await migrationsOf({ config, baseDir }, 'promote');
    lines.push('', 'Migration plan:', '```', await describePlan(migrations, undefined, batchOf(config.database)), '```');
  }
  lines.push('', 'Answer with a comment whose first line is `/approve` or `/deny`, optionally followed by a reason.');
  return lines.join('\n');
}
