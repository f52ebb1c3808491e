/**
 * The stack synthesised the way `cdk synth` does it (cdk.json's feature flags), without bundling
 * (context `aws:cdk:bundling-stacks: []`, toolchain trap 3), for the infra tests to assert on.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, NestedStack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { CfnResource } from 'aws-cdk-lib';
import { afterAll, expect } from 'vitest';
import { REPO_ROOT } from '../../infra/functions';
import { JournalStack, type JournalStackProps } from '../../infra/stack';

export type Json = Record<string, any>;
export interface Resource {
  Type: string;
  Properties: Json;
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
  DependsOn?: string[];
}

/** The feature flags `cdk synth` applies, so the tests synthesise what the CLI does. */
export const CDK_JSON_CONTEXT: Json = JSON.parse(readFileSync(join(REPO_ROOT, 'cdk.json'), 'utf8')).context;

/** Cloud assemblies go here, not to fresh temporary folders that nobody removes. */
const OUT = mkdtempSync(join(tmpdir(), 'zhurnal-synth-'));
afterAll(() => rmSync(OUT, { recursive: true, force: true }));

/** An app and the stack in it, not yet synthesised. */
export function journalApp(context: Json = {}, props: JournalStackProps = {}, { agnostic = false } = {}) {
  const app = new App({ outdir: mkdtempSync(join(OUT, 'app-')), context: { ...CDK_JSON_CONTEXT, 'aws:cdk:bundling-stacks': [], ...context } });
  // Environment-agnostic: no region at all, as `cdk synth` without AWS_REGION.
  const stack = new JournalStack(app, 'ZhurnalTest', { ...(agnostic ? {} : { env: { region: 'eu-central-1' } }), ...props });
  return { app, stack };
}

export function synth(context: Json = {}, props: JournalStackProps = {}) {
  const { app, stack } = journalApp(context, props);
  const template = Template.fromStack(stack);
  const all = { ...(template.toJSON().Resources as Record<string, Resource>), ...nestedResources(stack) };
  const ofType = (type: string) => Object.entries(all).filter(([, r]) => r.Type === type);
  const one = (type: string, where: (r: Resource) => boolean = () => true): [string, Resource] => {
    const found = ofType(type).filter(([, r]) => where(r));
    expect(found, `exactly one ${type}`).toHaveLength(1);
    return found[0]!;
  };
  const logicalId = (construct: { node: { defaultChild?: unknown } }) => stack.getLogicalId(construct.node.defaultChild as CfnResource);
  return { app, stack, template, all, ofType, one, logicalId };
}

export type Synth = ReturnType<typeof synth>;

/**
 * The resources of the stack's nested stacks (infra/api.ts puts the routes in one), as if they were
 * the parent's: each `Ref` to a nested stack's parameter is replaced by what the parent passes in,
 * so a route's function reads `Fn::GetAtt` of the parent's function as a one-stack template would.
 */
function nestedResources(stack: JournalStack): Record<string, Resource> {
  const parent = Template.fromStack(stack).toJSON().Resources as Record<string, Resource>;
  const merged: Record<string, Resource> = {};
  for (const nested of stack.node.findAll().filter((c): c is NestedStack => c instanceof NestedStack)) {
    const id = stack.getLogicalId(nested.nestedStackResource as CfnResource);
    const passed = (parent[id]?.Properties.Parameters ?? {}) as Json;
    const resolve = (v: unknown): unknown => {
      if (Array.isArray(v)) return v.map(resolve);
      if (v && typeof v === 'object') {
        const o = v as Json;
        if (Object.keys(o).length === 1 && typeof o.Ref === 'string' && o.Ref in passed) return passed[o.Ref];
        return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, resolve(x)]));
      }
      return v;
    };
    Object.assign(merged, resolve(Template.fromStack(nested).toJSON().Resources));
  }
  return merged;
}
