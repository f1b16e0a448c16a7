#!/usr/bin/env python3
"""Signs a demo user in through the real OIDC flow (edge -> web-bff -> auth server and back)
and prints the web-bff session cookie as `name=value`.

Redirects and cookies are followed by hand: the session cookie is `__Host-` prefixed and
Secure, which a browser accepts on http://localhost but Python's and curl's cookie jars
do not send over plain HTTP.

    bench/common/login.py http://localhost:8080 alice alice-password

LOGIN_RESOLVE=demo-auth-server:9000=127.0.0.1:19000 connects to that address for that host and port
(keeping the name in the Host header), like curl's --connect-to: the compose stack's issuer is
http://demo-auth-server:9000, which a machine without a hosts-file entry cannot resolve, published on
whatever host port is free (deploy/compose-smoke.sh). Several entries are separated by commas.
"""
import html
import http.client
import os
import re
import sys
import urllib.parse

RESOLVE = dict(entry.split("=", 1) for entry in os.environ.get("LOGIN_RESOLVE", "").split(",") if "=" in entry)


def connect_to(host, port):
    target = RESOLVE.get(f"{host}:{port}")
    if target is None:
        return host, port
    address, _, target_port = target.rpartition(":")
    return address, int(target_port)


def request(method, url, cookies, body=None):
    parts = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(*connect_to(parts.hostname, parts.port), timeout=10)
    path = parts.path + ("?" + parts.query if parts.query else "")
    headers = {"Accept": "text/html", "Host": parts.netloc}
    jar = cookies.setdefault(parts.port, {})
    if jar:
        headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in jar.items())
    if body is not None:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    connection.request(method, path, body=body, headers=headers)
    response = connection.getresponse()
    content = response.read().decode("utf-8", "replace")
    for header, value in response.getheaders():
        if header.lower() == "set-cookie":
            name, _, rest = value.partition("=")
            cookie_value = rest.split(";", 1)[0]
            if "Max-Age=0" in value:
                jar.pop(name, None)
            else:
                jar[name] = cookie_value
    connection.close()
    return response.status, response.getheader("Location"), content


def follow(method, url, cookies, body=None, limit=15):
    for _ in range(limit):
        status, location, content = request(method, url, cookies, body)
        if status in (301, 302, 303, 307, 308) and location:
            url = urllib.parse.urljoin(url, location)
            method, body = "GET", None
            continue
        return status, url, content
    raise SystemExit("too many redirects, last at " + url)


def main():
    edge, user, password = sys.argv[1], sys.argv[2], sys.argv[3]
    cookies = {}
    status, url, content = follow("GET", edge + "/oauth2/authorization/web-bff", cookies)
    if "/login" not in url:
        raise SystemExit(f"expected the auth server's login page, got {status} at {url}")
    token = re.search(r'name="_csrf"[^>]*value="([^"]+)"', content) or re.search(
        r'value="([^"]+)"[^>]*name="_csrf"', content)
    form = {"username": user, "password": password}
    if token:
        form["_csrf"] = html.unescape(token.group(1))
    status, url, _ = follow("POST", url, cookies, urllib.parse.urlencode(form))
    edge_port = urllib.parse.urlsplit(edge).port
    session = {k: v for k, v in cookies.get(edge_port, {}).items() if "session" in k.lower()}
    if status >= 400 or not session:
        raise SystemExit(f"login failed: {status} at {url}, cookies {list(cookies.get(edge_port, {}))}")
    name, value = next(iter(session.items()))
    print(f"{name}={value}")


if __name__ == "__main__":
    main()
