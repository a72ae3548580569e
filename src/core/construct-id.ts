import { IConstruct } from 'constructs';
import { duplicateConstructId, emptyConstructId } from './errors';

/**
 * `id`, checked as the id of a new image or service in `scope`, before the construct is added: an empty id and an
 * id the scope already holds are errors naming the scope, with the fix (the constructs library's own errors name
 * neither). @internal
 */
export function newConstructId(scope: IConstruct, id: string): string {
  if (id === '') {
    throw emptyConstructId(scope.node.path);
  }
  if (scope.node.tryFindChild(id) !== undefined) {
    throw duplicateConstructId(scope.node.path, id);
  }
  return id;
}
