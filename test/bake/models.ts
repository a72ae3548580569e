import {
  BakeCall, BakeEntitlement, BakeFileModel, BakeNetwork, BakeString, BakeValue, BakeVariableType,
} from '../../src/bake';

const lit = BakeString.literal;
const tpl = BakeString.template;

/** A label value holding everything a bake file must escape. */
export const TRICKY = 'say "hi"\\ \n\ttab\r ${TAG} $${TAG} %{ if x } %%{ y } $ % {} \u0001 ünï 😀';

/**
 * The Lucid build graph: a Python base image, two services built on it through a `target:` context, the empty
 * target docker/metadata-action fills in, groups for phases, and variables for the registry and the tag.
 */
export function lucidBake(): BakeFileModel {
  return {
    variables: [
      {
        name: 'REGISTRY',
        description: 'Registry and namespace of every image',
        valueType: BakeVariableType.STRING,
        defaultValue: BakeValue.fromString(lit('pickme')),
      },
      {
        name: 'TAG',
        description: 'Tag of every image',
        defaultValue: BakeValue.fromString(lit('latest')),
        validations: [{ condition: 'TAG != ""', errorMessage: 'TAG must not be empty' }],
      },
      {
        name: 'CACHE_REF',
        description: 'Registry cache of the base images',
        defaultValue: BakeValue.fromString(tpl('${REGISTRY}/lucid-cache:${TAG}')),
      },
    ],
    groups: [
      { name: 'default', description: 'Everything', targets: ['base', 'services'] },
      { name: 'base', targets: ['python-base'] },
      { name: 'services', targets: ['api-gateway', 'auth'] },
    ],
    targets: [
      { name: 'docker-metadata-action' },
      {
        name: 'python-base',
        description: 'Distroless Python base for development and tests',
        context: lit('base/python'),
        dockerfile: lit('Dockerfile'),
        target: lit('runtime'),
        platforms: [lit('linux/amd64'), lit('linux/arm64')],
        tags: [tpl('${REGISTRY}/lucid-base:python-distroless-${TAG}')],
        labels: { 'org.lucid.layer': lit('0'), 'org.opencontainers.image.description': lit(TRICKY) },
        cacheFrom: [tpl('type=registry,ref=${CACHE_REF}')],
        cacheTo: [tpl('type=registry,ref=${CACHE_REF},mode=max')],
        attest: [lit('type=provenance,mode=max')],
        pull: true,
      },
      {
        name: 'api-gateway',
        description: 'API gateway (plane ops, layer 0)',
        inherits: ['docker-metadata-action'],
        context: lit('services/api-gateway'),
        contexts: { 'python-base': lit('target:python-base'), 'docs': lit('docs') },
        args: { PYTHON_VERSION: lit('3.13'), NOTE: lit(TRICKY), BUILD_TAG: tpl('${TAG}') },
        labels: {
          'org.lucid.plane': lit('ops'),
          'org.lucid.layer': lit('0'),
          'org.lucid.service': lit('api-gateway'),
          'org.opencontainers.image.version': tpl('${TAG}'),
        },
        annotations: [lit('index:org.opencontainers.image.title=api-gateway')],
        tags: [tpl('${REGISTRY}/lucid-api-gateway:${TAG}'), tpl('${REGISTRY}/lucid-api-gateway:latest')],
        platforms: [lit('linux/arm64')],
        secret: [lit('id=pip,env=PIP_INDEX_URL')],
        network: BakeNetwork.NONE,
        noCache: false,
        output: [lit('type=image')],
      },
      {
        name: 'auth',
        inherits: ['docker-metadata-action'],
        context: lit('services/auth'),
        contexts: { 'python-base': lit('target:python-base') },
        tags: [tpl('${REGISTRY}/lucid-auth:${TAG}')],
        platforms: [tpl('${BAKE_LOCAL_PLATFORM}')],
        entitlements: [BakeEntitlement.NETWORK_HOST],
        network: BakeNetwork.HOST,
        call: BakeCall.CHECK,
      },
    ],
  };
}
