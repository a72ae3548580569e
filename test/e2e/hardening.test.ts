import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { hardeningMisses, InspectedContainer, probeWrite } from '../../src/e2e/hardening';

const HARDENED: InspectedContainer = {
  Config: { User: '65532:65532' },
  HostConfig: { ReadonlyRootfs: true, CapDrop: ['ALL'], SecurityOpt: ['no-new-privileges:true'], Tmpfs: { '/tmp': '' } },
  State: { Pid: 1 },
};

describe('the run-time hardening checks', () => {
  test('accept a container that keeps the run contract (user 65532 or 65532:65532)', () => {
    expect(hardeningMisses('auth-service', HARDENED)).toEqual([]);
    expect(hardeningMisses('auth-service', { ...HARDENED, Config: { User: '65532' } })).toEqual([]);
  });

  test('name the service and the field of every miss', () => {
    const loose: InspectedContainer = {
      Config: { User: '' },
      HostConfig: { ReadonlyRootfs: false, CapDrop: null, SecurityOpt: ['seccomp=unconfined'], Tmpfs: null },
      State: { Pid: 1 },
    };
    expect(hardeningMisses('redis', loose)).toEqual([
      'redis: HostConfig.ReadonlyRootfs is false, not true',
      'redis: HostConfig.CapDrop is null, without ALL',
      'redis: HostConfig.SecurityOpt is ["seccomp=unconfined"], without no-new-privileges',
      'redis: Config.User is "", not 65532 or 65532:65532',
      'redis: HostConfig.Tmpfs declares no tmpfs',
    ]);
  });

  test('a write probe reports the error code of a refused write and cleans up after a successful one', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'probe-'));
    // /proc/self/root is "/": the probe writes to the real folder
    const ok = probeWrite(process.pid, dir);
    expect(ok).toEqual({ path: dir, ok: true });
    expect(fs.readdirSync(dir)).toEqual([]);
    const missing = probeWrite(process.pid, path.join(dir, 'absent'));
    expect(missing).toEqual({ path: path.join(dir, 'absent'), ok: false, code: 'ENOENT' });
  });
});
