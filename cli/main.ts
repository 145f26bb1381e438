import { processIO, UserError, type CliCommand, type CliIO } from './io.js';
import { commands } from './commands/index.js';
import packageJson from './package.json' with { type: 'json' };

function help(io: CliIO): void {
  io.out('kekao（可靠）— 产品质量可靠性“最佳实践”评价工具 / reliability best-practice scoring\n\n');
  io.out('用法 / usage: kekao <命令 command> [参数 options]\n\n');
  for (const c of commands) io.out(`  ${c.usage.padEnd(58)} ${c.summary.zh} / ${c.summary.en}\n`);
  io.out(`\n  ${'COMMAND --help'.padEnd(58)} 命令的用法 / a command's usage\n`);
  io.out(`  ${'--version, -v'.padEnd(58)} 版本 / version\n\n`);
}

/** Runs one command; returns the exit code. Never lets a stack trace reach the user. */
export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    help(io);
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v') {
    io.out(`${packageJson.version}\n`);
    return 0;
  }
  const command: CliCommand | undefined = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`未知命令“${name}”。运行 kekao help 查看可用命令。 (cli.unknownCommand: unknown command "${name}")\n`);
    return 2;
  }
  // `kekao COMMAND --help` (anywhere among its arguments) explains the command instead of running it.
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`${command.summary.zh} / ${command.summary.en}\n\n用法 / usage:\n`);
    for (const line of command.usageDetails ?? [command.usage]) io.out(`  kekao ${line}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof UserError) {
      io.err(`错误：${e.zh} (${e.key}: ${e.en})\n`);
      return e.exitCode;
    }
    const message = e instanceof Error ? e.message : String(e);
    io.err(`内部错误，请联系维护者：${message} (cli.internalError)\n`);
    if (process.env.KEKAO_DEBUG && e instanceof Error && e.stack) io.err(`${e.stack}\n`);
    return 70;
  }
}
