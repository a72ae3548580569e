import { BakeString } from './bake-string';

const BAKE_VALUE = Symbol.for('lucid-cdk.bake.BakeValue');

/**
 * The types a bake variable can be declared with.
 *
 * @see https://docs.docker.com/build/bake/reference/#variabletype
 */
export enum BakeVariableType {
  /** `string` */
  STRING = 'string',
  /** `number` */
  NUMBER = 'number',
  /** `bool` */
  BOOL = 'bool',
  /** `list(string)` */
  LIST_OF_STRING = 'list(string)',
}

/**
 * A typed value for a bake variable's default: a string (which may reference other variables), a number, a
 * boolean or a list of strings. The type is stated, never guessed from the text.
 *
 * @see https://docs.docker.com/build/bake/reference/#variabledefault
 */
export class BakeValue {
  /** Whether `x` is a `BakeValue`. Checked through a symbol, so it holds across copies of lucid-cdk. */
  public static isBakeValue(x: any): x is BakeValue {
    return x !== null && typeof x === 'object' && BAKE_VALUE in x;
  }

  /**
   * A string value.
   * @param value the string; may reference other variables
   */
  public static fromString(value: BakeString): BakeValue {
    return new BakeValue(BakeVariableType.STRING, value);
  }

  /**
   * A number value.
   * @param value a finite number
   */
  public static fromNumber(value: number): BakeValue {
    return new BakeValue(BakeVariableType.NUMBER, value);
  }

  /**
   * A boolean value.
   * @param value true or false
   */
  public static fromBoolean(value: boolean): BakeValue {
    return new BakeValue(BakeVariableType.BOOL, value);
  }

  /**
   * A list of strings.
   * @param values the strings; each may reference other variables
   */
  public static fromStringList(values: BakeString[]): BakeValue {
    return new BakeValue(BakeVariableType.LIST_OF_STRING, [...values]);
  }

  /** The type of this value. */
  public readonly valueType: BakeVariableType;

  /** @internal */
  public readonly _value: BakeString | number | boolean | BakeString[];

  private constructor(type: BakeVariableType, value: BakeString | number | boolean | BakeString[]) {
    Object.defineProperty(this, BAKE_VALUE, { value: true });
    this.valueType = type;
    this._value = value;
  }

  /** The strings this value holds (one for a string, each item of a list, none otherwise). */
  public get strings(): BakeString[] {
    if (Array.isArray(this._value)) {
      return [...this._value];
    }
    return typeof this._value === 'object' ? [this._value] : [];
  }
}
