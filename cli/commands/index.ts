import type { CliCommand } from '../io.js';
import { assessCommand } from './assess.js';
import { schemaCommand } from './schema.js';
import { templateCommand } from './template.js';
import { scoreCommand } from './score.js';
import { usersCommand } from './users.js';
import { campaignsCommand } from './campaigns.js';
import { dbCommand } from './db.js';

/** Every `kekao` command, in the order `kekao help` lists them. Each lives in its own file. */
export const commands: CliCommand[] = [assessCommand, schemaCommand, templateCommand, scoreCommand, usersCommand, campaignsCommand, dbCommand];
