import {
  getNamedType,
  isInterfaceType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/**
 * What a document costs (PRODUCT §6): a scalar field 1, an object field 2 plus its selection, and
 * a list's selection once per item the resolver will return: `first` (or `last`) as written, as
 * the variable sent, as the variable's default when none is sent, or as the argument's own default
 * when it is left out. Introspection of `__schema` costs nothing (it is off in production).
 */
export interface CostModel {
  readonly objectCost: number;
  readonly scalarCost: number;
  readonly depthCostFactor: number;
}

export const COST_MODEL: CostModel = { objectCost: 2, scalarCost: 1, depthCostFactor: 1 };

/** The cost of the operation a request runs (the named one, or the only one). */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Readonly<Record<string, unknown>> | null | undefined,
  model: CostModel = COST_MODEL,
): number {
  const operations = document.definitions.filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName ? operations.find((candidate) => candidate.name?.value === operationName) : operations[0];
  if (operation === undefined) return 0;
  const fragments = new Map(
    document.definitions
      .filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION)
      .map((fragment) => [fragment.name.value, fragment]),
  );
  return new Pricing(schema, operation, fragments, variables ?? {}, model).total();
}

class Pricing {
  /** Each fragment's cost once priced; -1 while it is being priced (a cycle costs nothing more). */
  private readonly fragmentCosts = new Map<string, number>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly operation: OperationDefinitionNode,
    private readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>,
    private readonly variables: Readonly<Record<string, unknown>>,
    private readonly model: CostModel,
  ) {}

  total(): number {
    const root = this.schema.getRootType(this.operation.operation) ?? undefined;
    return this.operation.selectionSet.selections.reduce((total, selection) => total + this.selection(selection, root), 0);
  }

  private selection(node: SelectionSetNode['selections'][number], parent: GraphQLNamedType | undefined): number {
    switch (node.kind) {
      case Kind.FIELD:
        return this.field(node, parent);
      case Kind.INLINE_FRAGMENT: {
        const type = node.typeCondition ? (this.schema.getType(node.typeCondition.name.value) ?? undefined) : parent;
        return this.model.objectCost + this.children(node.selectionSet, type);
      }
      case Kind.FRAGMENT_SPREAD:
        return this.model.scalarCost + this.model.depthCostFactor * this.fragment(node.name.value);
    }
  }

  private field(node: FieldNode, parent: GraphQLNamedType | undefined): number {
    if (node.name.value === '__schema') return 0;
    if (node.selectionSet === undefined) return this.model.scalarCost;
    const definition = fieldOf(parent, node.name.value);
    const type = definition === undefined ? undefined : getNamedType(definition.type);
    return (this.model.objectCost + this.children(node.selectionSet, type)) * this.pageSize(node, definition);
  }

  private children(selectionSet: SelectionSetNode, type: GraphQLNamedType | undefined): number {
    return selectionSet.selections.reduce((total, child) => total + this.model.depthCostFactor * this.selection(child, type), 0);
  }

  private fragment(name: string): number {
    const known = this.fragmentCosts.get(name);
    if (known !== undefined) return Math.max(known, 0);
    const fragment = this.fragments.get(name);
    if (fragment === undefined) return 0;
    this.fragmentCosts.set(name, -1);
    const type = this.schema.getType(fragment.typeCondition.name.value) ?? undefined;
    const cost = this.model.objectCost + this.children(fragment.selectionSet, type);
    this.fragmentCosts.set(name, cost);
    return cost;
  }

  /** How many items the field's resolver returns at most, as far as the document says: 1 when it does not page. */
  private pageSize(node: FieldNode, definition: GraphQLField<unknown, unknown> | undefined): number {
    for (const name of ['first', 'last']) {
      const argument = node.arguments?.find((candidate) => candidate.name.value === name);
      const declared = definition?.args.find((candidate) => candidate.name === name);
      let size: unknown;
      if (argument === undefined) {
        size = declared?.defaultValue;
      } else if (argument.value.kind === Kind.VARIABLE) {
        const variable = argument.value.name.value;
        if (Object.hasOwn(this.variables, variable) && this.variables[variable] !== null) size = this.variables[variable];
        else {
          const fallback = this.operation.variableDefinitions?.find((candidate) => candidate.variable.name.value === variable)?.defaultValue;
          size = fallback === undefined ? declared?.defaultValue : fallback.kind === Kind.INT ? Number.parseInt(fallback.value, 10) : undefined;
        }
      } else if (argument.value.kind === Kind.INT) {
        size = Number.parseInt(argument.value.value, 10);
      }
      if (argument !== undefined || declared !== undefined) {
        return typeof size === 'number' && Number.isFinite(size) ? Math.max(Math.trunc(size), 1) : 1;
      }
    }
    return 1;
  }
}

function fieldOf(parent: GraphQLNamedType | undefined, name: string): GraphQLField<unknown, unknown> | undefined {
  return parent !== undefined && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[name] : undefined;
}
