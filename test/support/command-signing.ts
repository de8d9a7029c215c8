// Tests that talk to workflows directly sign their commands as the API does, with the stack's key
// (COMMAND_SIGNING_KEY, set once for the test run by the global setup).
import { resolve } from 'node:path';
import type { Config } from '@mutu/config';
import { commandSignerFrom, type CommandSigner, type SignableCommand } from '@mutu/persistence';
import { PROJECT_ROOT } from '@mutu/temporal';

export function testCommandSigner(config: Pick<Config, 'COMMAND_SIGNING_KEY' | 'NODE_ENV' | 'DATA_DIR'>): CommandSigner {
  return commandSignerFrom({ COMMAND_SIGNING_KEY: config.COMMAND_SIGNING_KEY, NODE_ENV: config.NODE_ENV, dataDir: resolve(PROJECT_ROOT, config.DATA_DIR) });
}

/** A signer over process.env: the key the test workers verify with. */
export function envCommandSigner(): CommandSigner {
  return testCommandSigner({ COMMAND_SIGNING_KEY: process.env.COMMAND_SIGNING_KEY, NODE_ENV: 'test', DATA_DIR: process.env.DATA_DIR ?? '.data' });
}

/** An Update's arguments as the API sends them: the command and its signed envelope. */
export function signedArgs<C extends SignableCommand>(command: C): [C, never] {
  return [command, envCommandSigner().sign(command) as never];
}

/** A campaign workflow's start input with its creation signed, as launchCampaign makes it. */
export function signedCampaignInput<I extends { setup: { campaignId: string }; createdBy: SignableCommand['actor']; commandId: string }>(input: I, now: string): I & { createdAt: string; envelope: never } {
  const envelope = envCommandSigner().sign({ commandId: input.commandId, type: 'CreateCampaign', actor: input.createdBy, now, payload: { setup: input.setup } });
  return { ...input, createdAt: now, envelope: envelope as never };
}
