import { BakeString } from './bake-string';

const BAKE_FUNCTION_CALL = Symbol.for('lucid-cdk.BakeFunctionCall');

/**
 * A call of a bake function (HCL's standard library, like `split`, or a `function` block of the file) as the
 * value of a target attribute: `split(",", PLATFORMS)`. The function name must be an identifier; each argument
 * is a `BakeString`, escaped like any other value.
 *
 * @see https://docs.docker.com/build/bake/funcs/
 */
export class BakeFunctionCall {
  /** Whether `x` is a BakeFunctionCall (works across copies of this library). */
  public static isBakeFunctionCall(x: any): x is BakeFunctionCall {
    return x !== null && typeof x === 'object' && BAKE_FUNCTION_CALL in x;
  }

  /** A call of `name` with `args`. */
  public static of(name: string, args: BakeString[] = []): BakeFunctionCall {
    return new BakeFunctionCall(name, args);
  }

  /** The function's name. */
  public readonly name: string;
  /** The arguments. */
  public readonly args: BakeString[];

  private constructor(name: string, args: BakeString[]) {
    Object.defineProperty(this, BAKE_FUNCTION_CALL, { value: true });
    this.name = name;
    this.args = [...args];
  }

  /** The names of the variables the arguments refer to. */
  public get variables(): string[] {
    return [...new Set(this.args.flatMap(a => a.variables))];
  }
}
