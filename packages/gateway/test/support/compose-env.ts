import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** What the init smoke test reads of docker-compose.yml: each service's environment. */
export interface ComposeFile {
  services: Record<string, { environment?: Record<string, string | number | boolean> }>;
}

/** docker-compose.yml as JSON (python3-yaml, which scripts/check-deploy.sh uses too). */
export function readCompose(root: string): ComposeFile {
  const json = execFileSync(
    'python3',
    [
      '-c',
      'import json, sys, yaml; json.dump(yaml.safe_load(open(sys.argv[1])), sys.stdout)',
      join(root, 'docker-compose.yml'),
    ],
    { encoding: 'utf8' },
  );
  return JSON.parse(json) as ComposeFile;
}

/** `KEY=value` lines of an env file (deploy/env.example), comments and blanks skipped. */
export function readEnvFile(path: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const match = /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(line.trim());
    if (match?.[1]) values[match[1]] = match[2] ?? '';
  }
  return values;
}

/**
 * Compose's interpolation of one value: `${NAME}`, `${NAME:-default}`, `${NAME:?message}`
 * (empty counts as unset, as compose does with the colon forms) and `$$`.
 */
export function interpolate(value: string, vars: Record<string, string>): string {
  return value.replace(
    /\$\$|\$\{([A-Z_][A-Z0-9_]*)(?:(:-|:\?)([^}]*))?\}/g,
    (whole, name: string | undefined, op: string | undefined, arg: string | undefined) => {
      if (whole === '$$') return '$';
      const set = name ? vars[name] : undefined;
      if (set) return set;
      if (op === ':-') return arg ?? '';
      if (op === ':?') throw new Error(`compose: ${name}: ${arg}`);
      return '';
    },
  );
}

/**
 * A service's environment as compose would give it, then moved off Docker: every
 * `/run/secrets/<name>` becomes `<secrets>/<name>`, and `replace` swaps the values that name
 * other containers (hosts, listen addresses) for local ones. Nothing is added or dropped.
 */
export function serviceEnv(
  compose: ComposeFile,
  service: string,
  options: { vars: Record<string, string>; secrets: string; replace: Record<string, string> },
): Record<string, string> {
  const environment = compose.services[service]?.environment;
  if (!environment) throw new Error(`compose: service ${service} has no environment`);
  const env: Record<string, string> = {};
  for (const [name, raw] of Object.entries(environment)) {
    const value = interpolate(String(raw), options.vars);
    env[name] =
      options.replace[name] ??
      value.replace(/^\/run\/secrets\/(.+)$/, (_, secret: string) => join(options.secrets, secret));
  }
  for (const name of Object.keys(options.replace)) {
    if (!(name in environment)) throw new Error(`compose: ${service} does not set ${name}`);
  }
  return env;
}
