#!/usr/bin/env node
// Runs the compiled CLI in this process and, at exit, writes what it cost to the file named by
// SITREP_MEASURE_OUT: CPU time of every thread, peak RSS and wall time since the process started.
import { writeFileSync } from 'node:fs';

const { main } = await import(new URL('../dist/cli/main.js', import.meta.url).href);
const code = await main(process.argv.slice(2));
const cpu = process.cpuUsage();
writeFileSync(
  process.env.SITREP_MEASURE_OUT,
  JSON.stringify({
    code,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    uptimeSeconds: process.uptime(),
  }),
);
process.exitCode = code;
