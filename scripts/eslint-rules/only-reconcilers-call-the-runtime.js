// A type-aware ESLint rule: "only reconcilers call the runtime" (issue 16, house style §4.1).
// An import rule cannot see a runtime handed over as a value (`this.deps.runtime.stopDyno()`),
// so this asks the type checker what each property access resolves to and reports any method of
// the `Runtime` interface declared in backends/runtime.ts, or of a class that implements it.
// eslint.config.js turns it on everywhere in packages/platform/src except the reconcilers and
// the backends themselves. What it cannot see: a member taken by destructuring
// (`const { stopDyno } = runtime`) or through an index (`runtime['stopDyno']`).
import ts from 'typescript';
import { ESLintUtils } from '@typescript-eslint/utils';

const RUNTIME_FILE = /[\\/]backends[\\/]runtime\.(d\.)?ts$/;

/**
 * Whether a declaration is a method of `interface Runtime` in backends/runtime.ts, or of a class
 * implementing it. Data members (`kind`) are not calls: printing which backend runs is fine.
 */
function isRuntimeMethod(declaration) {
  if (!ts.isMethodSignature(declaration) && !ts.isMethodDeclaration(declaration)) return false;
  const owner = declaration.parent;
  if (owner === undefined) return false;
  if (ts.isInterfaceDeclaration(owner)) return owner.name.text === 'Runtime' && RUNTIME_FILE.test(owner.getSourceFile().fileName);
  if (ts.isClassLike(owner)) {
    return (owner.heritageClauses ?? []).some(
      (clause) => clause.token === ts.SyntaxKind.ImplementsKeyword && clause.types.some((t) => t.expression.getText() === 'Runtime'),
    );
  }
  return false;
}

export default ESLintUtils.RuleCreator.withoutDocs({
  meta: {
    type: 'problem',
    schema: [
      {
        type: 'object',
        properties: { allow: { type: 'array', items: { type: 'string' }, uniqueItems: true } },
        additionalProperties: false,
      },
    ],
    messages: {
      runtimeCall:
        'Only reconcilers call the runtime ("{{name}}"); write desired state to the store and let a reconciler drive the backend.',
    },
  },
  defaultOptions: [{ allow: [] }],
  create(context, [{ allow }]) {
    const services = ESLintUtils.getParserServices(context);
    const checker = services.program.getTypeChecker();
    return {
      MemberExpression(node) {
        if (node.computed || node.property.type !== 'Identifier' || allow.includes(node.property.name)) return;
        const tsNode = services.esTreeNodeToTSNodeMap.get(node);
        const symbol = checker.getSymbolAtLocation(tsNode.name);
        if (symbol === undefined) return;
        const declarations = symbol.getDeclarations() ?? [];
        if (declarations.some(isRuntimeMethod)) {
          context.report({ node: node.property, messageId: 'runtimeCall', data: { name: node.property.name } });
        }
      },
    };
  },
});
