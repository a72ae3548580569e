#!/usr/bin/env bash
# standins.sh: build offline stand-ins for the public base images that lucid-cdk's Dockerfiles name, from
# Debian 13 (trixie) packages, and tag them with the real names, so generated Dockerfiles build unmodified on
# the engine of engine.sh with no container registry.
#
# Usage: assets/e2e/standins.sh IMAGE...      build (or load from the cache) the recipes of these images
#        assets/e2e/standins.sh --all         every stand-in
#        assets/e2e/standins.sh --list        the images each recipe tags
#   --force    rebuild even when the engine or the cache has the recipe's current image
#
# A recipe builds all tags of one image family and the recipes it needs first (node, temurin and maven start
# FROM debian:13-slim). Each build is saved as `docker save | zstd` in $LUCID_CACHE_DIR/standins/, named by a
# hash of the recipe: its shell function, the shared helpers, the files it reads and the versions of the
# packages it takes. An unchanged recipe is loaded from there instead of built; images already in the engine
# with the same hash (label org.lucid.standin.key) are left as they are.
#
# Each recipe runs once per architecture of LUCID_STANDIN_ARCHES (default: the host's, and arm64 on an amd64
# host whose kernel has a qemu-aarch64 binfmt_misc handler, as engine.sh start registers). One architecture's
# images are kept as lucid-standin/<arch>/<real name> and saved as <recipe>.<arch>-<key>.tar.zst; the real names
# then join them as multi-platform images (a BuildKit build `FROM lucid-standin/${TARGETARCH}/<name>`, no RUN,
# so nothing is emulated), which the engine's containerd image store holds. arm64 root filesystems come from
# arm64 packages (debootstrap --arch arm64 runs its second stage under the emulator), and their RUN steps run
# emulated.
#
# The engine must run (assets/e2e/engine.sh start). Needs root. See lib.sh for folders and environment.

# Package lists and image tags are space-separated words, split on purpose wherever they are expanded.
# shellcheck disable=SC2086,SC2046
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
LUCID_LOG_PREFIX=standins

HELPERS=$LUCID_E2E_DIR/standins    # files the recipes copy into images
S=$WORK/standins                   # root filesystems and build contexts
STORE=$CACHE/standins              # saved images
KEY_LABEL=org.lucid.standin.key
JOIN_LABEL=org.lucid.standin.keys  # on a joined multi-platform name: its architectures' keys
DISTROLESS=gcr.io/distroless
ENV_PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin

# ---- recipes: names, tags, dependencies, packages ---------------------------------------------------------

RECIPES="debian-slim static base cc python3 java21 nodejs22 node-builder temurin maven golang redis"

recipe_tags() {
  case $1 in
    debian-slim) echo debian:13-slim debian:trixie-slim ;;
    static | base | cc) echo "$DISTROLESS/$1-debian13:latest $DISTROLESS/$1-debian13:nonroot" ;;
    python3) echo "$DISTROLESS/python3-debian13:latest $DISTROLESS/python3-debian13:nonroot" \
      "$DISTROLESS/python3-debian13:debug $DISTROLESS/python3-debian13:debug-nonroot" ;;
    java21 | nodejs22) echo "$DISTROLESS/$1-debian13:latest $DISTROLESS/$1-debian13:nonroot" ;;
    node-builder) echo node:22-trixie-slim node:22-slim ;;
    temurin) echo eclipse-temurin:21-jdk eclipse-temurin:21 ;;
    maven) echo maven:3.9-eclipse-temurin-21 ;;
    golang) echo golang:1.24-trixie ;;
    redis) echo redis:8.0 ;;
  esac
}

recipe_deps() {
  case $1 in
    node-builder | temurin | golang | redis) echo debian-slim ;;
    maven) echo temurin ;;
  esac
}

# What a builder stage may `apt-get install` from debian:13-slim's offline repository (with everything they
# depend on). The Java builders install their JDK, Maven and its plugins from a repository of their own.
# tor and redis-server are what ServiceRuntime.debianPackages() services install, to copy them onto distroless.
SLIM_REPO_PACKAGES="python3-venv build-essential ca-certificates tor redis-server redis-tools"
JDK_PACKAGE=openjdk-21-jdk-headless
# Debian's jlink calls objcopy for --strip-debug (Temurin's does not), so the JDK stand-ins carry binutils.
JDK_TOOLS="$JDK_PACKAGE binutils"
# The foundation service of the reference stack: Debian 13 ships Redis 8.0, the version the preset pins.
REDIS_PACKAGES="redis-server redis-tools"
# The Go builder: Debian 13's own Go (golang-go depends on golang-1.24-go), with the standard library sources.
GO_PACKAGES="golang-go"
# Maven and the plugins a jar project's lifecycles (clean, default, site) and dependency:go-offline use; their
# versions are the ones a pom must pin (see the README).
MAVEN_PACKAGES="maven libmaven-clean-plugin-java libmaven-resources-plugin-java libmaven-compiler-plugin-java
  libsurefire-java libmaven-jar-plugin-java libmaven-install-plugin-java libmaven-deploy-plugin-java
  libmaven-site-plugin-java libmaven-dependency-plugin-java"

# The distroless package sets, as GoogleContainerTools/distroless lists them for Debian 13 (static < base <
# cc < language images). ca-certificates gives only its certificates; no maintainer script ever runs.
STATIC_PACKAGES="base-files netbase tzdata ca-certificates"
BASE_PACKAGES="$STATIC_PACKAGES libc6 libssl3t64 zlib1g libzstd1"
CC_PACKAGES="$BASE_PACKAGES gcc-14-base libgcc-s1 libgomp1 libstdc++6"
PYTHON_PACKAGES="$CC_PACKAGES libbz2-1.0 libcom-err2 libcrypt1 libdb5.3t64 libexpat1 libc-bin libffi8
  libgssapi-krb5-2 libk5crypto3 libkeyutils1 libkrb5-3 libkrb5support0 liblzma5 libncursesw6 libnsl2
  libpython3.13-minimal libpython3.13-stdlib libreadline8t64 libsqlite3-0 libtinfo6 libtirpc3t64 libuuid1
  python3.13-minimal python3.13-venv"
JAVA_PACKAGES="$CC_PACKAGES openjdk-21-jre-headless fontconfig-config fonts-dejavu-core libbrotli1 libcrypt1
  libexpat1 libfontconfig1 libfreetype6 libglib2.0-0t64 libgraphite2-3 libharfbuzz0b libjpeg62-turbo liblcms2-2
  libpcre2-8-0 libpng16-16t64 libuuid1"

# Debian packages whose versions are part of a recipe's cache key.
recipe_packages() {
  case $1 in
    debian-slim) required_packages; closure "$SUITE" "$(empty_status)" $SLIM_REPO_PACKAGES ;;
    static) echo $STATIC_PACKAGES ;;
    base) echo $BASE_PACKAGES ;;
    cc | nodejs22) echo $CC_PACKAGES ;;
    python3) echo $PYTHON_PACKAGES busybox-static ;;
    java21) echo $JAVA_PACKAGES openjdk-21-jdk-headless ;;
    temurin) closure "$SUITE" "$(empty_status)" $JDK_TOOLS ;;
    maven) closure "$SUITE" "$(empty_status)" $JDK_TOOLS $MAVEN_PACKAGES ;;
    golang) closure "$SUITE" "$(empty_status)" $GO_PACKAGES ;;
    redis) closure "$SUITE" "$(empty_status)" $REDIS_PACKAGES ;;
  esac
}

# Other inputs of a recipe's key: the files it reads, the npm packages it unpacks.
recipe_inputs() {
  case $1 in
    java21) cat "$HELPERS/MkCacerts.java" ;;
    maven) cat "$HELPERS/maven-settings.xml" ;;
    nodejs22) echo "node-linux-$(node_arch)@$(npm_version "node-linux-$(node_arch)@22")" ;;
    node-builder) echo "node-linux-$(node_arch)@$(npm_version "node-linux-$(node_arch)@22") npm@$(npm_version npm@10)" ;;
  esac
}

required_packages() { memo "$SUITE" _required_packages; }
_required_packages() {
  aptc "$SUITE" dumpavail | awk '/^Package:/ { p = $2 } /^Priority: required/ { print p }'
  echo apt
}
empty_status() { local f=$S/empty-status; mkdir -p "$S"; : >"$f"; echo "$f"; }

# ---- helpers shared by the recipes ------------------------------------------------------------------------

client() { docker "$@"; }

# node-linux-<arch> is the npm package that ships the official node binary.
node_arch() { case $ARCH in amd64) echo x64 ;; arm64) echo arm64 ;; *) die "no node binary package for $ARCH" ;; esac; }
npm_version() {
  local spec=$1 file=$CACHE/npm/version-$1 age=${LUCID_APT_MAX_AGE:-86400} v
  mkdir -p "$CACHE/npm"
  # The registry is asked again once the answer is older than the package lists' refresh period.
  if [ ! -s "$file" ] || [ $(($(date +%s) - $(stat -c %Y "$file"))) -ge "$age" ]; then
    v=$(npm view "$spec" version --json 2>/dev/null | tr -d '[]" \n' | tr ',' '\n' | sort -V | tail -n 1)
    [ -n "$v" ] || die "npm view $spec found no version"
    echo "$v" >"$file"
  fi
  cat "$file"
}
# npm_unpack NAME VERSION DIR: the package's files (its "package/" folder) in DIR; tarballs cached.
npm_unpack() {
  local name=$1 version=$2 dir=$3 tgz=$CACHE/npm/$1-$2.tgz
  if [ ! -f "$tgz" ]; then
    (cd "$CACHE/npm" && npm pack "$name@$version" --silent >/dev/null 2>&1) || die "npm pack $name@$version failed"
  fi
  rm -rf "$dir"
  mkdir -p "$dir"
  tar -xzf "$tgz" -C "$dir" --strip-components=1
}

# unpack ROOT PKG...: dpkg-deb -x of the packages (base-files first: it holds the merged-/usr symlinks), and a
# dpkg status.d entry for each, as distroless writes for image scanners.
unpack() {
  local root=$1; shift
  local debs deb name
  debs=$(fetch_debs "$SUITE" "$@")
  mkdir -p "$root/var/lib/dpkg/status.d"
  for deb in $debs; do
    dpkg-deb -x "$deb" "$root"
    name=$(dpkg-deb -f "$deb" Package)
    dpkg-deb -f "$deb" >"$root/var/lib/dpkg/status.d/$name"
  done
}

# Users and groups of distroless: root, nobody and nonroot (65532), with no login shell; /tmp, homes.
skeleton() {
  local root=$1
  mkdir -p "$root"/{etc,tmp,root,home/nonroot}
  chmod 1777 "$root/tmp"
  chmod 700 "$root/root" "$root/home/nonroot"
  chown 65532:65532 "$root/home/nonroot"
  printf '%s\n' 'root:x:0:0:root:/root:/sbin/nologin' 'nobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin' \
    'nonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin' >"$root/etc/passwd"
  printf '%s\n' 'root:x:0:' 'nobody:x:65534:' 'tty:x:5:' 'staff:x:50:' 'nonroot:x:65532:' >"$root/etc/group"
  printf '%s\n' 'passwd: files' 'group: files' 'shadow: files' 'hosts: files dns' 'networks: files' \
    'protocols: files' 'services: files' >"$root/etc/nsswitch.conf"
}

# The CA bundle at SSL_CERT_FILE's path, documentation and package tooling removed, and no shell anywhere.
finish() {
  local root=$1
  mkdir -p "$root/etc/ssl/certs"
  cat "$root"/usr/share/ca-certificates/mozilla/*.crt >"$root/etc/ssl/certs/ca-certificates.crt"
  rm -rf "$root/usr/share/ca-certificates" "$root/usr/sbin/update-ca-certificates" "$root/etc/ca-certificates" \
    "$root"/usr/share/{man,info,lintian,locale,bug,doc-base,bash-completion} "$root/etc/dpkg"
  find "$root/usr/share/doc" -mindepth 1 -not -name copyright -not -type d -delete 2>/dev/null || true
  find "$root/usr/share/doc" -mindepth 1 -type d -empty -delete 2>/dev/null || true
  local sh
  for sh in bin/sh bin/bash bin/dash usr/bin/sh usr/bin/bash usr/bin/dash; do
    if [ -e "$root/$sh" ] || [ -L "$root/$sh" ]; then die "a shell is in the distroless root: /$sh"; fi
  done
}

# inroot ROOT CMD...: run CMD chrooted in ROOT with /proc mounted, in a private mount namespace, no network.
inroot() {
  local root=$1; shift
  # shellcheck disable=SC2016  # $0 and $@ belong to the inner sh
  unshare --mount --net --fork sh -c 'mount -t proc proc "$0/proc" && exec chroot "$0" "$@"' "$root" "$@"
}

# import_root ROOT TAG KEY CHANGE...: the root filesystem as a one-layer image.
import_root() {
  local root=$1 tag=$2 key=$3; shift 3
  local changes=() c
  for c in "$@" "LABEL $KEY_LABEL=$key"; do changes+=(--change "$c"); done
  tar --numeric-owner -C "$root" -c . | client import "${changes[@]}" - "$tag" >/dev/null
}

# The two users of a distroless family: `latest` runs as root in /, `nonroot` as 65532 in its home.
import_pair() {
  local root=$1 name=$2 key=$3; shift 3
  import_root "$root" "$DISTROLESS/$name:latest" "$key" "$@" 'USER 0' 'WORKDIR /'
  import_root "$root" "$DISTROLESS/$name:nonroot" "$key" "$@" 'USER 65532' 'WORKDIR /home/nonroot'
}

# distroless_env [PATH]: the environment every distroless image sets.
distroless_env() {
  echo "ENV PATH=${1:-$ENV_PATH}"
  echo 'ENV SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt'
}

# build CONTEXT TAG... : docker build of CONTEXT/Dockerfile, offline, tagged TAG... and labelled with $KEY.
build() {
  local ctx=$1; shift
  local tags=() t
  for t in "$@"; do tags+=(-t "$t"); done
  client buildx build --network=none --progress=plain --label "$KEY_LABEL=$KEY" "${tags[@]}" "$ctx" \
    >"$S/logs/build-$(basename "$ctx").log" 2>&1 ||
    { tail -n 30 "$S/logs/build-$(basename "$ctx").log" >&2; die "docker build of $ctx failed"; }
}

# repo DIR PKG...: a flat apt repository in DIR with PKG... (trusted=yes in its sources: it is local).
repo() {
  local dir=$1 debs; shift
  debs=$(fetch_debs "$SUITE" "$@")
  rm -rf "$dir"
  mkdir -p "$dir"
  cp $debs "$dir/"
  (cd "$dir" && dpkg-scanpackages -m . /dev/null 2>/dev/null >Packages && gzip -9nk Packages)
  # A Release file naming the indexes, so apt fetches exactly these and tries no other compression.
  {
    echo "Origin: lucid-cdk"
    echo "Label: lucid-cdk offline packages"
    echo "Date: Thu, 01 Jan 1970 00:00:00 UTC"
    echo "Architectures: $ARCH all"
    echo "SHA256:"
    local f
    for f in Packages Packages.gz; do echo " $(sha256sum "$dir/$f" | cut -d' ' -f1) $(stat -c %s "$dir/$f") $f"; done
  } >"$dir/Release"
}

# ---- the recipes: each builds and tags its images; $R is its work folder, $KEY its cache key --------------

recipe_debian_slim() {
  # debootstrap's minimal variant, slimmed as the official debian:*-slim images are.
  local root=$R/rootfs
  rm -rf "$root"
  mkdir -p "$CACHE/debootstrap/$SUITE"
  debootstrap --arch="$ARCH" --variant=minbase --cache-dir="$CACHE/debootstrap/$SUITE" "$SUITE" "$root" "$(debian_mirror)" \
    >"$S/logs/debootstrap.log" 2>&1 || { tail -n 20 "$S/logs/debootstrap.log" >&2; die "debootstrap failed"; }
  step "  debootstrap --variant=minbase $SUITE"
  printf '%s\n' 'path-exclude /usr/share/doc/*' 'path-include /usr/share/doc/*/copyright' \
    'path-exclude /usr/share/groff/*' 'path-exclude /usr/share/info/*' 'path-exclude /usr/share/linda/*' \
    'path-exclude /usr/share/lintian/overrides/*' 'path-exclude /usr/share/locale/*' \
    'path-include /usr/share/locale/locale.alias' 'path-exclude /usr/share/man/*' >"$root/etc/dpkg/dpkg.cfg.d/docker"
  # Files only: the empty man1/ and like folders stay, as in the official images, since some maintainer
  # scripts (openjdk's update-alternatives) link into them.
  find "$root/usr/share/doc" -mindepth 1 -not -name copyright -not -type d -delete
  find "$root/usr/share/doc" -mindepth 1 -type d -empty -delete
  find "$root"/usr/share/{groff,info,linda,lintian/overrides,man} -mindepth 1 -not -type d -delete 2>/dev/null || true
  find "$root/usr/share/locale" -mindepth 1 -maxdepth 1 -not -name locale.alias -exec rm -rf {} +
  printf 'Dir::Cache::pkgcache "";\nDir::Cache::srcpkgcache "";\n' >"$root/etc/apt/apt.conf.d/docker-clean"
  echo 'Acquire::GzipIndexes "true";' >"$root/etc/apt/apt.conf.d/docker-gzip-indexes"
  echo 'Acquire::Languages "none";' >"$root/etc/apt/apt.conf.d/docker-no-languages"
  echo 'Apt::AutoRemove::SuggestsImportant "false";' >"$root/etc/apt/apt.conf.d/docker-autoremove-suggests"
  rm -rf "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/*.bin "$root"/var/cache/apt/archives/*.deb \
    "$root"/var/log/*.log "$root"/var/log/apt/* "$root"/var/cache/debconf/*-old "$root"/var/lib/dpkg/*-old
  : >"$root/etc/resolv.conf"
  : >"$root/etc/hostname"
  # The offline repository: what apt-get would add to this very system for the builders' packages.
  local pkgs
  pkgs=$(closure "$SUITE" "$root/var/lib/dpkg/status" $SLIM_REPO_PACKAGES)
  repo "$root/var/local/offline-apt" $pkgs
  rm -f "$root/etc/apt/sources.list" "$root"/etc/apt/sources.list.d/*
  printf '%s\n' 'Types: deb' 'URIs: file:/var/local/offline-apt' 'Suites: ./' 'Trusted: yes' \
    >"$root/etc/apt/sources.list.d/offline.sources"
  step "  offline apt repository: $(wc -w <<<"$pkgs") packages, $(du -sh "$root/var/local/offline-apt" | cut -f1)"
  import_root "$root" debian:13-slim "$KEY" "ENV PATH=$ENV_PATH" 'CMD ["bash"]'
  client tag debian:13-slim debian:trixie-slim
}

# A distroless image that is nothing but its packages: static, base and cc.
plain_distroless() {
  local name=$1 root=$R/rootfs
  shift
  rm -rf "$root"
  unpack "$root" "$@"
  skeleton "$root"
  finish "$root"
  local -a env
  mapfile -t env < <(distroless_env)
  import_pair "$root" "$name-debian13" "$KEY" "${env[@]}"
}

recipe_static() { plain_distroless static $STATIC_PACKAGES; }
recipe_base() { plain_distroless base $BASE_PACKAGES; }
recipe_cc() { plain_distroless cc $CC_PACKAGES; }

recipe_python3() {
  local root=$R/rootfs
  rm -rf "$root"
  unpack "$root" $PYTHON_PACKAGES
  skeleton "$root"
  ln -sf /usr/bin/python3.13 "$root/usr/bin/python3"
  ln -sf /usr/bin/python3.13 "$root/usr/bin/python"
  finish "$root"
  # A prebuilt ld.so.cache, as distroless ships, so ctypes.util.find_library works.
  chroot "$root" /usr/sbin/ldconfig
  inroot "$root" /usr/bin/python3.13 -c 'import ssl, sqlite3, ctypes, venv, zlib, lzma, bz2, uuid, readline, json' ||
    die "python3.13 cannot import its standard library in the stand-in"
  local -a env
  mapfile -t env < <(distroless_env)
  env+=('ENV LANG=C.UTF-8' 'ENTRYPOINT ["/usr/bin/python3.13"]')
  import_pair "$root" python3-debian13 "$KEY" "${env[@]}"
  # :debug variants: the same image with busybox in /busybox (its shell is /busybox/sh).
  local deb
  deb=$(fetch_debs "$SUITE" busybox-static)
  mkdir -p "$R/busybox" "$root/busybox"
  dpkg-deb -x "$deb" "$R/busybox"
  cp "$R/busybox/usr/bin/busybox" "$root/busybox/busybox"
  local applet
  for applet in $("$root/busybox/busybox" --list); do
    [ "$applet" = busybox ] || ln -sf busybox "$root/busybox/$applet"
  done
  mapfile -t env < <(distroless_env "$ENV_PATH:/busybox")
  env+=('ENV LANG=C.UTF-8' 'ENTRYPOINT ["/usr/bin/python3.13"]')
  import_root "$root" "$DISTROLESS/python3-debian13:debug" "$KEY" "${env[@]}" 'USER 0' 'WORKDIR /'
  import_root "$root" "$DISTROLESS/python3-debian13:debug-nonroot" "$KEY" "${env[@]}" 'USER 65532' 'WORKDIR /home/nonroot'
}

recipe_java21() {
  local root=$R/rootfs tools=$R/tools
  local debian_home=/usr/lib/jvm/java-21-openjdk-$ARCH home=/usr/lib/jvm/temurin-21-jre-$ARCH
  rm -rf "$root" "$tools"
  unpack "$root" $JAVA_PACKAGES
  skeleton "$root"
  finish "$root"
  # The trust store that ca-certificates-java would write, made with the JDK in a throw-away copy of the root.
  cp -a "$root" "$tools"
  unpack "$tools" openjdk-21-jdk-headless
  cp "$HELPERS/MkCacerts.java" "$tools/tmp/"
  inroot "$tools" "$debian_home/bin/java" /tmp/MkCacerts.java /etc/ssl/certs/ca-certificates.crt /tmp/cacerts >/dev/null
  mkdir -p "$root/etc/ssl/certs/java"
  cp "$tools/tmp/cacerts" "$root/etc/ssl/certs/java/cacerts"
  rm -rf "$tools"
  # Distroless' layout: the runtime in /usr/lib/jvm/temurin-21-jre-<arch>, /usr/bin/java a symlink into it.
  mv "$root$debian_home" "$root$home"
  local link target
  while IFS= read -r link; do
    target=$(readlink "$link")
    [[ $target == "$debian_home"* ]] && ln -sfn "$home${target#"$debian_home"}" "$link"
  done < <(find "$root" -type l)
  rm -f "$root/usr/lib/jvm/.java-21-openjdk-$ARCH.jinfo"
  ln -sfn "$home/bin/java" "$root/usr/bin/java"
  # The class data sharing archive that the package's postinst would dump.
  inroot "$root" /usr/bin/java -Xshare:dump >/dev/null 2>&1 || true
  local version
  version=$(inroot "$root" /usr/bin/java -XshowSettings:properties -version 2>&1 | awk -F' = ' '$1 ~ /java\.version$/ { print $2 }')
  [ -n "$version" ] || die "java does not run in the java21 stand-in"
  local -a env
  mapfile -t env < <(distroless_env)
  env+=("ENV JAVA_VERSION=$version" 'ENV LANG=C.UTF-8' 'ENTRYPOINT ["/usr/bin/java", "-jar"]')
  import_pair "$root" java21-debian13 "$KEY" "${env[@]}"
}

recipe_nodejs22() {
  local root=$R/rootfs version
  version=$(npm_version "node-linux-$(node_arch)@22")
  rm -rf "$root"
  unpack "$root" $CC_PACKAGES
  skeleton "$root"
  finish "$root"
  npm_unpack "node-linux-$(node_arch)" "$version" "$R/node"
  mkdir -p "$root/nodejs/bin"
  cp "$R/node/bin/node" "$root/nodejs/bin/node"
  cp "$R/node/LICENSE" "$root/nodejs/LICENSE"
  inroot "$root" /nodejs/bin/node -e 'require("node:http")' || die "node does not run in the nodejs22 stand-in"
  local -a env
  mapfile -t env < <(distroless_env)
  env+=('ENTRYPOINT ["/nodejs/bin/node"]')
  import_pair "$root" nodejs22-debian13 "$KEY" "${env[@]}"
}

recipe_node_builder() {
  # The official node image's layout: node in /usr/local/bin, npm in /usr/local/lib/node_modules, user node.
  local ctx=$R/context node npm
  node=$(npm_version "node-linux-$(node_arch)@22")
  npm=$(npm_version npm@10)
  rm -rf "$ctx"
  mkdir -p "$ctx"
  npm_unpack "node-linux-$(node_arch)" "$node" "$R/node"
  cp "$R/node/bin/node" "$ctx/node"
  npm_unpack npm "$npm" "$ctx/npm"
  cat >"$ctx/Dockerfile" <<EOF
FROM debian:13-slim
COPY node /usr/local/bin/node
COPY npm /usr/local/lib/node_modules/npm
RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \\
 && ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx \\
 && groupadd --gid 1000 node \\
 && useradd --uid 1000 --gid node --shell /bin/bash --create-home node \\
 && node --version && npm --version
ENV NODE_VERSION=$node
CMD ["node"]
EOF
  build "$ctx" $(recipe_tags node-builder)
}

# java_builder_context DIR PKG...: a build context whose debs/ is an apt repository with what PKG... add to
# debian:13-slim; the Dockerfile bind-mounts it for one RUN step, so no .deb stays in the image.
java_builder_context() {
  local ctx=$1 status=$R/slim-status pkgs; shift
  rm -rf "$ctx"
  mkdir -p "$ctx"
  client run --rm --network none --entrypoint cat debian:13-slim /var/lib/dpkg/status >"$status"
  pkgs=$(closure "$SUITE" "$status" "$@")
  repo "$ctx/debs" $pkgs
}

recipe_temurin() {
  local ctx=$R/context
  java_builder_context "$ctx" $JDK_TOOLS
  cat >"$ctx/Dockerfile" <<'EOF'
FROM debian:13-slim
RUN --mount=type=bind,source=debs,target=/var/local/java-apt \
    echo 'deb [trusted=yes] file:/var/local/java-apt ./' > /etc/apt/sources.list.d/java.list \
 && apt-get update \
 && apt-get install -y --no-install-recommends openjdk-21-jdk-headless binutils \
 && rm -rf /var/lib/apt/lists/* /etc/apt/sources.list.d/java.list \
 && mkdir -p /opt/java \
 && ln -s "/usr/lib/jvm/java-21-openjdk-$(dpkg --print-architecture)" /opt/java/openjdk \
 && java -version
ENV JAVA_HOME=/opt/java/openjdk
ENV PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
CMD ["jshell"]
EOF
  build "$ctx" $(recipe_tags temurin)
}

recipe_maven() {
  # Maven and its plugins from Debian's /usr/share/maven-repo, made the local repository (see
  # maven-settings.xml), so `mvn -o` builds projects that pin the packaged plugin versions.
  local ctx=$R/context
  java_builder_context "$ctx" $JDK_TOOLS $MAVEN_PACKAGES
  cp "$HELPERS/maven-settings.xml" "$ctx/settings.xml"
  cat >"$ctx/Dockerfile" <<EOF
FROM eclipse-temurin:21-jdk
RUN --mount=type=bind,source=debs,target=/var/local/java-apt \\
    echo 'deb [trusted=yes] file:/var/local/java-apt ./' > /etc/apt/sources.list.d/java.list \\
 && apt-get update \\
 && apt-get install -y --no-install-recommends $(tr -s ' \n' ' ' <<<"$MAVEN_PACKAGES") \\
 && rm -rf /var/lib/apt/lists/* /etc/apt/sources.list.d/java.list \\
 && mkdir -p /root/.m2
COPY settings.xml /usr/share/maven/conf/settings.xml
ENV MAVEN_HOME=/usr/share/maven
ENV MAVEN_CONFIG=/root/.m2
RUN mvn -B -v
CMD ["mvn"]
EOF
  build "$ctx" $(recipe_tags maven)
}

recipe_golang() {
  # Like the official image: go at /usr/local/go/bin/go, GOPATH /go with its bin on PATH, the build cache in
  # root's ~/.cache/go-build (the default GOCACHE), GOTOOLCHAIN=local (never a toolchain download), WORKDIR /go.
  local ctx=$R/context
  java_builder_context "$ctx" $GO_PACKAGES
  cat >"$ctx/Dockerfile" <<EOF
FROM debian:13-slim
RUN --mount=type=bind,source=debs,target=/var/local/extra-apt \\
    echo 'deb [trusted=yes] file:/var/local/extra-apt ./' > /etc/apt/sources.list.d/extra.list \\
 && apt-get update \\
 && apt-get install -y --no-install-recommends $GO_PACKAGES \\
 && rm -rf /var/lib/apt/lists/* /etc/apt/sources.list.d/extra.list \\
 && ln -s "\$(dirname "\$(dirname "\$(readlink -f /usr/bin/go)")")" /usr/local/go \\
 && mkdir -p /go/src /go/bin && chmod -R 1777 /go \\
 && /usr/local/go/bin/go version
ENV GOTOOLCHAIN=local
ENV GOPATH=/go
ENV PATH=/go/bin:/usr/local/go/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
WORKDIR /go
EOF
  build "$ctx" $(recipe_tags golang)
}

recipe_redis() {
  # Like the official image: redis-server and redis-cli in /usr/local/bin (where FoundationService.redis() probes),
  # data in /data, the server as the command.
  local ctx=$R/context
  java_builder_context "$ctx" $REDIS_PACKAGES
  cat >"$ctx/Dockerfile" <<EOF
FROM debian:13-slim
RUN --mount=type=bind,source=debs,target=/var/local/extra-apt \\
    echo 'deb [trusted=yes] file:/var/local/extra-apt ./' > /etc/apt/sources.list.d/extra.list \\
 && apt-get update \\
 && apt-get install -y --no-install-recommends $REDIS_PACKAGES \\
 && rm -rf /var/lib/apt/lists/* /etc/apt/sources.list.d/extra.list \\
 && ln -s /usr/bin/redis-server /usr/bin/redis-cli /usr/local/bin/ \\
 && mkdir -p /data && /usr/local/bin/redis-server --version && /usr/local/bin/redis-cli --version
WORKDIR /data
VOLUME /data
EXPOSE 6379
CMD ["redis-server"]
EOF
  build "$ctx" $(recipe_tags redis)
}

# ---- driver ------------------------------------------------------------------------------------------------

# The architectures to build: LUCID_STANDIN_ARCHES, or the host's and, on amd64 with an aarch64 emulator, arm64.
standin_arches() {
  if [ -n "${LUCID_STANDIN_ARCHES:-}" ]; then echo "$LUCID_STANDIN_ARCHES"; return; fi
  if [ "$HOST_ARCH" = amd64 ] && [ -e /proc/sys/fs/binfmt_misc/qemu-aarch64 ]; then echo amd64 arm64; else echo "$HOST_ARCH"; fi
}

# The name one architecture's image of TAG keeps in the engine.
arch_tag() { echo "lucid-standin/$1/$2"; }

# The recipe's cache key: its function, the shared helpers, its inputs, package versions, its deps' keys.
recipe_key() {
  local name=$1 fn=recipe_${1//-/_} dep
  {
    declare -f "$fn" plain_distroless unpack skeleton finish inroot import_root import_pair distroless_env build repo \
      java_builder_context npm_unpack fetch_debs _closure
    echo "$ARCH $(recipe_tags "$name")"
    recipe_inputs "$name"
    deb_versions "$SUITE" $(recipe_packages "$name" | tr ' ' '\n' | sort -u)
    for dep in $(recipe_deps "$name"); do echo "$dep=${KEYS[$dep/$ARCH]}"; done
  } | sha256sum | cut -c1-16
}

# in_engine RECIPE KEY: the engine has this architecture's images of the recipe, made with KEY.
in_engine() {
  local tag
  for tag in $(recipe_tags "$1"); do
    [ "$(client image inspect -f "{{ index .Config.Labels \"$KEY_LABEL\" }}" "$(arch_tag "$ARCH" "$tag")" 2>/dev/null)" = "$2" ] || return 1
  done
}

# join RECIPE KEYS: give each real tag of the recipe the images of every architecture, as one multi-platform
# image; left as it is when it has them already (label $JOIN_LABEL).
join() {
  local r=$1 keys=$2 tag platforms="" a
  for a in $ARCHES; do platforms+=${platforms:+,}linux/$a; done
  local ctx=$S/join
  mkdir -p "$ctx"
  # TARGETARCH is BuildKit's own, in scope for FROM; declaring it again would empty it.
  printf '%s\n' 'ARG TAG' 'FROM lucid-standin/${TARGETARCH}/${TAG}' >"$ctx/Dockerfile"
  for tag in $(recipe_tags "$r"); do
    [ "$(client image inspect -f "{{ index .Config.Labels \"$JOIN_LABEL\" }}" "$tag" 2>/dev/null)" != "$keys" ] || continue
    client buildx build --network=none --provenance=false --sbom=false --platform "$platforms" --build-arg "TAG=$tag" \
      --label "$JOIN_LABEL=$keys" -t "$tag" "$ctx" >"$S/logs/join.log" 2>&1 ||
      { tail -n 20 "$S/logs/join.log" >&2; die "joining the $ARCHES images of $tag failed"; }
  done
}

recipe_of() {
  local image=$1 r
  for r in $RECIPES; do
    if [[ " $(recipe_tags "$r") " == *" $image "* ]]; then echo "$r"; return; fi
  done
  die "no stand-in recipe tags $image (see --list)"
}

# Recipes in build order: each after the recipes it needs.
ORDER=()
add_recipe() {
  local r=$1 d
  [[ " ${ORDER[*]} " == *" $r "* ]] && return
  for d in $(recipe_deps "$r"); do add_recipe "$d"; done
  ORDER+=("$r")
}

# provide RECIPE: this architecture's images of the recipe under lucid-standin/$ARCH/, from the engine, the
# cache or a build.
provide() {
  local r=$1 saved tag
  KEY=$(recipe_key "$r")
  KEYS[$r/$ARCH]=$KEY
  R=$S/$ARCH/$r
  saved=$STORE/$r.$ARCH-$KEY.tar.zst
  mkdir -p "$R"
  if [ "$force" = 0 ] && in_engine "$r" "$KEY"; then
    step "$r ($ARCH): in the engine already ($KEY)"
    return
  fi
  if [ "$force" = 0 ] && [ -f "$saved" ]; then
    zstd -dcq "$saved" | client load >/dev/null
    step "$r ($ARCH): loaded from $saved"
  else
    "recipe_${r//-/_}"
    client save $(recipe_tags "$r") | zstd -q -T0 -3 -o "$saved.tmp"
    mv "$saved.tmp" "$saved"
    find "$STORE" -maxdepth 1 -name "$r.$ARCH-*.tar.zst" -not -name "$(basename "$saved")" -delete
    step "$r ($ARCH): built and saved ($(du -h "$saved" | cut -f1))"
  fi
  for tag in $(recipe_tags "$r"); do client tag "$tag" "$(arch_tag "$ARCH" "$tag")"; done
}

main() {
  force=0
  local wanted=() r name a keys
  [ $# -gt 0 ] || { awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$0" >&2; exit 2; }
  for r in "$@"; do
    case $r in
      --all) for name in $RECIPES; do wanted+=("$name"); done ;;
      --force) force=1 ;;
      --list) for name in $RECIPES; do echo "$name: $(recipe_tags "$name")"; done; exit 0 ;;
      -*) die "unknown option $r" ;;
      *) wanted+=("$(recipe_of "$r")") ;;
    esac
  done
  need_root
  "$LUCID_E2E_DIR/engine.sh" status >/dev/null || die "the engine is not running: assets/e2e/engine.sh start"
  eval "$("$LUCID_E2E_DIR/engine.sh" env)"
  ARCHES=$(standin_arches)
  for r in "${wanted[@]}"; do add_recipe "$r"; done
  mkdir -p "$S/logs" "$STORE"
  for a in $ARCHES; do ARCH=$a; apt_lists "$SUITE"; done
  step "stand-ins to provide: ${ORDER[*]}, for $ARCHES"
  declare -gA KEYS=()
  for r in "${ORDER[@]}"; do
    keys=""
    for a in $ARCHES; do
      # The docker client's builds, imports and runs default to this platform (DOCKER_DEFAULT_PLATFORM).
      ARCH=$a
      export DOCKER_DEFAULT_PLATFORM=linux/$a
      provide "$r"
      unset DOCKER_DEFAULT_PLATFORM
      ARCH=$HOST_ARCH
      keys+=${keys:+,}$a=${KEYS[$r/$a]}
    done
    join "$r" "$keys"
    step "$r: $(recipe_tags "$r" | wc -w) tags for $ARCHES"
    for tag in $(recipe_tags "$r"); do
      for a in $ARCHES; do
        printf '   %-48s %-6s %s MB\n' "$tag" "$a" \
          "$(client image inspect -f '{{.Size}}' "$(arch_tag "$a" "$tag")" | awk '{ printf "%.1f", $1 / 1e6 }')" >&2
      done
    done
  done
}

main "$@"
