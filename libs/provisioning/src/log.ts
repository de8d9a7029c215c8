/** Provisioning speaks one line per decision, prefixed so it stands out from service logs. */
export type ProvisionLog = (line: string) => void;

export const consoleLog: ProvisionLog = (line) => process.stdout.write(`[mutu] ${line}\n`);
export const silentLog: ProvisionLog = () => undefined;

/** A prerequisite is missing: the message says exactly what to install or set. */
export class PrerequisiteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PrerequisiteError';
  }
}
