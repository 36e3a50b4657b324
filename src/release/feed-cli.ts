/**
 * `npm run release:feed -- --from release --out feed [--channel latest] [--channel beta]
 *   [--version 1.4.0] [--staging 10] [--serve [--port 8080]]`
 * Builds (or updates) a generic-provider update feed from a folder of
 * artifacts; with --serve, serves it on 127.0.0.1 until Ctrl+C.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildFeed, FeedError, type FeedChannel } from './feed';
import { serveFeed } from './feed-server';

const USAGE = `usage: npm run release:feed -- --from DIR --out DIR [--channel latest|beta]... [--version X.Y.Z] [--staging 0-100] [--release-date ISO] [--allow-older] [--serve [--port N]]`;

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      options: {
        from: { type: 'string' },
        out: { type: 'string' },
        channel: { type: 'string', multiple: true },
        version: { type: 'string' },
        staging: { type: 'string' },
        'release-date': { type: 'string' },
        'allow-older': { type: 'boolean' },
        serve: { type: 'boolean' },
        port: { type: 'string' },
        help: { type: 'boolean' },
      },
      strict: true,
    }).values;
  } catch (err) {
    console.error(`release:feed: ${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  if (!args.out) {
    console.error(`release:feed: --out is required\n${USAGE}`);
    return 2;
  }
  if (args.from) {
    const version = args.version ?? (JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../package.json'), 'utf8')) as { version: string }).version;
    const staging = args.staging === undefined ? null : Number(args.staging);
    try {
      const written = buildFeed({
        from: args.from,
        out: args.out,
        version,
        channels: (args.channel ?? ['latest']) as FeedChannel[],
        stagingPercentage: staging,
        ...(args['release-date'] ? { releaseDate: args['release-date'] } : {}),
        allowOlder: args['allow-older'] ?? false,
      });
      for (const f of written) {
        console.log(`${path.join(args.out, f.name)}: ${f.version}, ${f.files.map((x) => x.url).join(', ')}${f.stagingPercentage === null ? '' : `, staged at ${f.stagingPercentage} %`}`);
      }
    } catch (err) {
      if (err instanceof FeedError) {
        console.error(`release:feed: ${err.message}`);
        return 1;
      }
      throw err;
    }
  } else if (!args.serve) {
    console.error(`release:feed: give --from DIR to build a feed, or --serve to serve one\n${USAGE}`);
    return 2;
  }
  if (args.serve) {
    const server = await serveFeed(args.out, { port: Number(args.port ?? 0) });
    console.log(`release:feed: serving ${args.out} at ${server.url} (Ctrl+C to stop)`);
    await new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
    await server.close();
  }
  return 0;
}

process.exitCode = await main();
