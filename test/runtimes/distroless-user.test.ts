import { DistrolessTag, DistrolessUser } from '../../src/runtimes';

describe('DistrolessUser', () => {
  test('holds the ids and home of the distroless users', () => {
    expect(DistrolessUser.ROOT_UID).toBe(0);
    expect(DistrolessUser.NONROOT_UID).toBe(65532);
    expect(DistrolessUser.NONROOT_GID).toBe(65532);
    expect(DistrolessUser.NOBODY_UID).toBe(65534);
    expect(DistrolessUser.NONROOT_HOME).toBe('/home/nonroot');
  });

  test('nonroot tags run as 65532 in /home/nonroot, the others as root in /', () => {
    expect(DistrolessUser.uidFor(DistrolessTag.NONROOT)).toBe(65532);
    expect(DistrolessUser.uidFor(DistrolessTag.DEBUG_NONROOT)).toBe(65532);
    expect(DistrolessUser.uidFor(DistrolessTag.LATEST)).toBe(0);
    expect(DistrolessUser.uidFor(DistrolessTag.DEBUG)).toBe(0);
    expect(DistrolessUser.workdirFor(DistrolessTag.NONROOT)).toBe('/home/nonroot');
    expect(DistrolessUser.workdirFor(DistrolessTag.DEBUG_NONROOT)).toBe('/home/nonroot');
    expect(DistrolessUser.workdirFor(DistrolessTag.LATEST)).toBe('/');
    expect(DistrolessUser.workdirFor(DistrolessTag.DEBUG)).toBe('/');
  });
});
