// The one grammar of a container's user, as compose's `user:` and `docker run --user` take it: a user name or
// uid, optionally `:` and a group name or gid, with no space (an image's USER, a foundation service's user).

/** Whether `user` is a container user: `user` or `user:group`. @internal */
export function isContainerUser(user: string): boolean {
  return /^[^\s:]+(:[^\s:]+)?$/.test(user);
}

/** The fix, after `"<user>" is not a user`, said in every message about one. @internal */
export const CONTAINER_USER_FIX = 'give user or user:group, e.g. 65532:65532';
