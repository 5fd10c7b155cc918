import { parseDuration } from '../shared/duration.js';
import { BadInputError } from '../shared/errors.js';
import type { ApprovalSettings } from '../adapters/github/tracker.js';
import { optionText, type OptionValues } from './options.js';

type Label = (option: string) => string;

function flag(values: OptionValues, name: string, fallback: boolean, label: Label): boolean {
  const value = optionText(values, name)?.toLowerCase();
  if (value === undefined) return fallback;
  if (value === 'true' || value === 'false') return value === 'true';
  throw new BadInputError(`${label(name)}: expected true or false, got ${JSON.stringify(values[name])}.`);
}

/** The approval options of promote, checked before anything runs. */
export function approvalSettings(values: OptionValues, label: Label): ApprovalSettings {
  const mode = optionText(values, 'approval') ?? 'environment';
  if (mode !== 'environment' && mode !== 'issue') {
    throw new BadInputError(
      `${label('approval')}: expected environment (reviewers approve the job in GitHub) or issue (an /approve comment, for plans without environment reviewers), got ${JSON.stringify(mode)}.`
    );
  }
  const timeoutText = optionText(values, 'approval-timeout') ?? '1h';
  const timeoutMs = parseDuration(timeoutText);
  if (timeoutMs === undefined || timeoutMs <= 0) {
    throw new BadInputError(`${label('approval-timeout')}: expected a duration with a unit, like 30m or 2h, got ${JSON.stringify(timeoutText)}.`);
  }
  const approvers = (Array.isArray(values.approvers) ? values.approvers : []).map(a => a.trim()).filter(Boolean);
  const bad = approvers.find(a => !/^@?[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\/[A-Za-z0-9_.-]+)?$/.test(a));
  if (bad) throw new BadInputError(`${label('approvers')}: ${JSON.stringify(bad)} is neither a GitHub login nor org/team. Give one per line.`);
  if (mode === 'issue' && approvers.length === 0) {
    throw new BadInputError(`${label('approvers')}: approval: issue needs the logins or org/team names whose /approve counts, one per line.`);
  }
  return {
    mode,
    required: flag(values, 'require-approval', true, label),
    forbidSelfApproval: flag(values, 'forbid-self-approval', false, label),
    approvers,
    timeoutMs
  };
}

export function productionFlag(values: OptionValues, label: Label): boolean | undefined {
  return optionText(values, 'production-environment') === undefined ? undefined : flag(values, 'production-environment', false, label);
}
