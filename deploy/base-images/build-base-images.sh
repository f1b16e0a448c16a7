#!/usr/bin/env bash
# Builds stand-in base images from Debian packages, for machines that cannot reach a container
# registry but can reach a Debian mirror (the one apt already uses):
#
#   bff-template/jre:17-bookworm    Debian's OpenJDK 17 JRE (headless) plus curl for health checks;
#                                   the base of every application image (Jib's jib.from.image)
#   bff-template/redis:7-bookworm   Debian's redis-server, for compose.yaml (REDIS_IMAGE)
#
# Usage (as root, with a running Docker engine):
#
#   deploy/base-images/build-base-images.sh [mirror]
#
# The mirror defaults to the first one in /etc/apt/sources.list*. debootstrap lays down a minimal
# Debian once; each image is a copy with its packages added, then `docker import`ed as one layer.
# Machines that can reach Docker Hub need none of this: the defaults are eclipse-temurin and redis.
set -euo pipefail

suite=bookworm
mirror=${1:-$(grep -rhoE '(URIs:|deb) +https?://[^ ]+/debian/?( |$)' /etc/apt/sources.list /etc/apt/sources.list.d 2>/dev/null \
	| grep -oE 'https?://[^ ]+' | head -n 1 || true)}
mirror=${mirror:-http://deb.debian.org/debian}
jre_image=${JRE_IMAGE:-bff-template/jre:17-bookworm}
redis_image=${REDIS_IMAGE:-bff-template/redis:7-bookworm}
work=$(mktemp -d /tmp/bff-base-images.XXXXXX)
trap 'umount -l "$work"/*/proc 2>/dev/null || true; rm -rf "$work"' EXIT

echo "debootstrap $suite from $mirror into $work/minbase"
debootstrap --variant=minbase "$suite" "$work/minbase" "$mirror" >"$work/debootstrap.log" 2>&1 \
	|| { tail -n 30 "$work/debootstrap.log"; exit 1; }

# Copies the minimal system, installs the packages without recommends, and leaves no apt lists,
# caches, docs or man pages behind (they would only make the image bigger).
build_rootfs() {
	local name=$1; shift
	cp -a "$work/minbase" "$work/$name"
	mount -t proc proc "$work/$name/proc"
	chroot "$work/$name" /usr/bin/env DEBIAN_FRONTEND=noninteractive \
		sh -c "apt-get update -qq && apt-get install -y -qq --no-install-recommends $* >/dev/null && apt-get clean"
	umount "$work/$name/proc"
	rm -rf "$work/$name"/var/lib/apt/lists/* "$work/$name"/var/cache/apt/* "$work/$name"/usr/share/doc/* \
		"$work/$name"/usr/share/man/* "$work/$name"/usr/share/locale/* "$work/$name"/tmp/*
}

build_rootfs jre openjdk-17-jre-headless ca-certificates curl
tar -C "$work/jre" -c . | docker import \
	--change 'ENV JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64' \
	--change 'ENV PATH=/usr/lib/jvm/java-17-openjdk-amd64/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
	--change 'ENV LANG=C.UTF-8' \
	--change 'CMD ["java", "-version"]' \
	- "$jre_image"

build_rootfs redis redis-server
# Debian's package runs Redis as its own user (uid from the package); the image does the same.
redis_uid=$(chroot "$work/redis" id -u redis)
tar -C "$work/redis" -c . | docker import \
	--change "USER $redis_uid" \
	--change 'WORKDIR /var/lib/redis' \
	--change 'EXPOSE 6379' \
	--change 'CMD ["redis-server", "--protected-mode", "no"]' \
	- "$redis_image"

docker image ls --format '{{.Repository}}:{{.Tag}} {{.Size}}' | grep -E "^($jre_image|$redis_image) "
