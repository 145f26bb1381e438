import { startTryIt } from './tryIt.js';

/**
 * `npm run wecom:try`: the kekao service with its WeCom channel (in-memory database with demo
 * members), WeCom's API stand-in, and the try-it page. PORT sets the service's port (default any
 * free one), KEKAO_WECOM_TRY_PORT the page's (default 3990).
 */
const running = await startTryIt({
  port: process.env.PORT ? Number(process.env.PORT) : 0,
  pagePort: Number(process.env.KEKAO_WECOM_TRY_PORT ?? 3990),
});
process.stdout.write(
  `\n企业微信试用页 / WeCom try-it page: ${running.pageUrl}\n` +
    `kekao 服务 / service: ${running.service.url}（回调 /api/wecom）\n` +
    `企业微信接口模拟 / WeCom API stand-in: ${running.mock.url}\n` +
    `Ctrl+C 退出 / to stop.\n`,
);
const stop = () => void running.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
