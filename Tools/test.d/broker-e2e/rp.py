"""Third-party relying party (Authlib) against `passerelle serve`, end to end.

The broker logs in to psc-sim (CIBA, login_hint = the holder id read from the virtual CPS through pcscd); this
script plays the apps and the professional's browser. It exits non-zero on the first failed check.
Environment: BROKER (issuer), WEB_CLIENT_ID/WEB_CLIENT_SECRET (confidential app), NATIVE_CLIENT_ID (public app),
RP_PORT (where this script receives redirects and back-channel logouts), CARD_REMOVE (shell command pulling the card).
"""
import base64
import hashlib
import http.server
import json
import os
import re
import subprocess
import sys
import threading
import time
import urllib.parse

import requests
from authlib.integrations.requests_client import OAuth2Session
from authlib.jose import JsonWebKey, jwt
from authlib.common.security import generate_token

BROKER = os.environ["BROKER"]
RP_PORT = int(os.environ["RP_PORT"])
REDIRECT = f"http://127.0.0.1:{RP_PORT}/callback"
NATIVE_REDIRECT = f"http://127.0.0.1:{RP_PORT + 1}/native"  # any port on 127.0.0.1 is accepted for native apps
HOLDER = "899700000013"
CHECKS = []
LOGOUT_TOKENS = []


def check(name, condition, detail=""):
    CHECKS.append(name)
    if not condition:
        print(f"FAIL {name} {detail}", file=sys.stderr)
        sys.exit(1)
    print(f"ok   {name}")


class BackChannel(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        form = urllib.parse.parse_qs(self.rfile.read(length).decode())
        LOGOUT_TOKENS.append((self.path, form.get("logout_token", [""])[0]))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


server = http.server.HTTPServer(("127.0.0.1", RP_PORT), BackChannel)
threading.Thread(target=server.serve_forever, daemon=True).start()

metadata = requests.get(BROKER + "/.well-known/openid-configuration", timeout=5).json()
check("discovery issuer is the broker", metadata["issuer"] == BROKER)
check("discovery: PKCE S256 only", metadata["code_challenge_methods_supported"] == ["S256"])
jwks = JsonWebKey.import_key_set(requests.get(metadata["jwks_uri"], timeout=5).json())


def browser_login(browser, url):
    """The professional's browser: login page, PIN on the broker's page, CIBA wait, back to the app."""
    card_deadline = time.time() + 15
    reply = browser.get(url, allow_redirects=False)
    assert reply.status_code == 302, reply.text
    location = reply.headers["Location"]
    while not location.startswith("http://127.0.0.1:%d" % RP_PORT) and not location.startswith(NATIVE_REDIRECT[:-7]):
        if location.startswith("/login?"):
            page = browser.get(BROKER + location, allow_redirects=False)
            if page.status_code == 302:
                location = page.headers["Location"]
                continue
            if 'name="pin"' in page.text:
                tx = re.search(r'name="tx" value="([^"]+)"', page.text).group(1)
                csrf = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)
                status = re.search(r'id="card-status"[^>]*>([^<]*)<', page.text)
                check("login page shows the card holder and tries left",
                      "JEANNE" in page.text and "Essais restants" in page.text, status.group(1) if status else "")
                check("login page CSP has a nonce", "nonce-" in page.headers.get("Content-Security-Policy", ""))
                reply = browser.post(BROKER + "/login/pin", data={"tx": tx, "csrf": csrf, "pin": "1234", "method": "ciba"},
                                     allow_redirects=False)
                location = reply.headers["Location"]
                continue
            if 'class="binding"' in page.text:
                time.sleep(0.5)
                continue
            if 'name="national_id"' in page.text and time.time() < card_deadline:
                time.sleep(0.2)  # the card is still being read through pcscd (the page follows it over SSE)
                continue
            status = re.search(r'id="card-status"[^>]*>([^<]*)<', page.text)
            raise AssertionError("unexpected login page: " + (status.group(1) if status else page.text[:800]))
        raise AssertionError("unexpected redirect " + location)
    return location


def verify_id_token(token, client_id, nonce=None):
    options = {"iss": {"essential": True, "value": BROKER}, "aud": {"essential": True, "value": client_id}}
    if nonce:
        options["nonce"] = {"essential": True, "value": nonce}
    claims = jwt.decode(token, jwks, claims_options=options)
    claims.validate()
    return claims


# 1. Confidential web app: code + PKCE, client_secret_basic.
web = OAuth2Session(os.environ["WEB_CLIENT_ID"], os.environ["WEB_CLIENT_SECRET"], scope="openid profile",
                    redirect_uri=REDIRECT, code_challenge_method="S256", token_endpoint_auth_method="client_secret_basic")
verifier = generate_token(48)
nonce = generate_token(20)
url, state = web.create_authorization_url(metadata["authorization_endpoint"], code_verifier=verifier, nonce=nonce)
browser = requests.Session()
callback = browser_login(browser, url)
query = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(callback).query))
check("redirect carries state and iss (RFC 9207)", query.get("state") == state and query.get("iss") == BROKER)
token = web.fetch_token(metadata["token_endpoint"], authorization_response=callback, code_verifier=verifier)
claims = verify_id_token(token["id_token"], os.environ["WEB_CLIENT_ID"], nonce)
check("ID token: sub = SubjectNameID of the card holder", claims["sub"] == HOLDER)
check("ID token: amr card+PIN, acr present", "pin" in claims["amr"] and "sc" in claims["amr"] and claims.get("acr"))
check("ID token: names, profession, situation", claims.get("family_name") == "MEDECIN0000001"
      and claims.get("profession") == "10" and "raisonSocialeSite" in claims.get("situation_exercice", {}))
userinfo = web.get(metadata["userinfo_endpoint"]).json()
check("userinfo with the access token", userinfo.get("sub") == HOLDER)

# 2. Replay of the same code.
replay = requests.post(metadata["token_endpoint"], data={"grant_type": "authorization_code", "code": query["code"],
                       "redirect_uri": REDIRECT, "code_verifier": verifier},
                       auth=(os.environ["WEB_CLIENT_ID"], os.environ["WEB_CLIENT_SECRET"]))
check("code replay refused", replay.status_code == 400 and replay.json()["error"] == "invalid_grant")
check("code replay revoked the first exchange's tokens",
      requests.get(metadata["userinfo_endpoint"], headers={"Authorization": "Bearer " + token["access_token"]}).status_code == 401)

# 3. Second app (public, PKCE, any loopback port): SSO without a new login.
native = OAuth2Session(os.environ["NATIVE_CLIENT_ID"], scope="openid profile", redirect_uri=NATIVE_REDIRECT,
                       code_challenge_method="S256", token_endpoint_auth_method="none")
native_verifier = generate_token(48)
url, native_state = native.create_authorization_url(metadata["authorization_endpoint"], code_verifier=native_verifier,
                                                    nonce="n2", prompt="none")
reply = requests.get(url, allow_redirects=False)
check("second app: immediate redirect with a code (SSO)", reply.status_code == 302 and "code=" in reply.headers["Location"])
native_token = native.fetch_token(metadata["token_endpoint"], authorization_response=reply.headers["Location"],
                                  code_verifier=native_verifier)
check("second app: ID token for its own audience", verify_id_token(native_token["id_token"], os.environ["NATIVE_CLIENT_ID"])["sub"] == HOLDER)

# 4. Refresh rotation and reuse detection (family revoked).
first_refresh = native_token["refresh_token"]
rotated = native.refresh_token(metadata["token_endpoint"], refresh_token=first_refresh)
check("refresh rotates the refresh token", rotated["refresh_token"] != first_refresh)
reuse = requests.post(metadata["token_endpoint"], data={"grant_type": "refresh_token", "refresh_token": first_refresh,
                                                         "client_id": os.environ["NATIVE_CLIENT_ID"]})
check("refresh token reuse refused", reuse.status_code == 400 and reuse.json()["error"] == "invalid_grant")
family = requests.post(metadata["token_endpoint"], data={"grant_type": "refresh_token", "refresh_token": rotated["refresh_token"],
                                                          "client_id": os.environ["NATIVE_CLIENT_ID"]})
check("reuse revoked the whole family", family.status_code == 400)


def sso_tokens(client, redirect, secret=None):
    verifier = generate_token(48)
    challenge = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()
    params = {"response_type": "code", "client_id": client, "redirect_uri": redirect, "scope": "openid profile",
              "state": "s", "code_challenge": challenge, "code_challenge_method": "S256", "prompt": "none"}
    reply = requests.get(metadata["authorization_endpoint"], params=params, allow_redirects=False)
    code = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(reply.headers["Location"]).query))["code"]
    data = {"grant_type": "authorization_code", "code": code, "redirect_uri": redirect, "code_verifier": verifier}
    if secret:
        return requests.post(metadata["token_endpoint"], data=data, auth=(client, secret)).json()
    data["client_id"] = client
    return requests.post(metadata["token_endpoint"], data=data).json()


web_tokens = sso_tokens(os.environ["WEB_CLIENT_ID"], REDIRECT, os.environ["WEB_CLIENT_SECRET"])
native_tokens = sso_tokens(os.environ["NATIVE_CLIENT_ID"], NATIVE_REDIRECT)
sid = verify_id_token(web_tokens["id_token"], os.environ["WEB_CLIENT_ID"])["sid"]

# 5. Attacks refused with the right status and no side effect.
host = requests.get(BROKER + "/.well-known/openid-configuration", headers={"Host": "attacker.example"})
check("Host: attacker.example → 403 problem", host.status_code == 403 and host.headers["Content-Type"] == "application/problem+json")
cross = requests.post(metadata["token_endpoint"], headers={"Origin": "https://evil.example"},
                      data={"grant_type": "refresh_token", "refresh_token": web_tokens["refresh_token"]},
                      auth=(os.environ["WEB_CLIENT_ID"], os.environ["WEB_CLIENT_SECRET"]))
check("cross-origin POST from an unregistered origin → 403", cross.status_code == 403 and "Access-Control-Allow-Origin" not in cross.headers)
plain = requests.post(metadata["token_endpoint"], headers={"Content-Type": "text/plain"},
                      data="grant_type=refresh_token&refresh_token=" + web_tokens["refresh_token"])
check("text/plain POST → 415", plain.status_code == 415)
still = requests.post(metadata["token_endpoint"], data={"grant_type": "refresh_token", "refresh_token": web_tokens["refresh_token"]},
                      auth=(os.environ["WEB_CLIENT_ID"], os.environ["WEB_CLIENT_SECRET"]))
check("…and the refused requests had no side effect (refresh token still valid)", still.status_code == 200)
web_tokens = still.json()
mismatch = requests.get(metadata["authorization_endpoint"], allow_redirects=False, params={
    "response_type": "code", "client_id": os.environ["WEB_CLIENT_ID"], "redirect_uri": "http://127.0.0.1:9/evil",
    "scope": "openid", "code_challenge": "x" * 43, "code_challenge_method": "S256"})
check("redirect-URI mismatch → 400 page, no redirect", mismatch.status_code == 400 and "Location" not in mismatch.headers)
no_pkce = requests.get(metadata["authorization_endpoint"], allow_redirects=False, params={
    "response_type": "code", "client_id": os.environ["WEB_CLIENT_ID"], "redirect_uri": REDIRECT, "scope": "openid", "state": "z"})
check("missing PKCE → invalid_request back to the app", no_pkce.status_code == 302 and "error=invalid_request" in no_pkce.headers["Location"])
wrong = requests.post(metadata["token_endpoint"], data={"grant_type": "refresh_token", "refresh_token": web_tokens["refresh_token"]},
                      auth=(os.environ["WEB_CLIENT_ID"], "wrong-secret"))
check("wrong client secret → 401 invalid_client", wrong.status_code == 401 and wrong.json()["error"] == "invalid_client")

# 6. Pull the card: session ends, refresh tokens fail, back-channel logout tokens arrive.
subprocess.run(os.environ["CARD_REMOVE"], shell=True, check=True)
deadline = time.time() + 10
while time.time() < deadline and len(LOGOUT_TOKENS) < 2:
    time.sleep(0.1)
check("back-channel logout tokens arrive for both apps", len(LOGOUT_TOKENS) >= 2, str(LOGOUT_TOKENS))
for path, logout_token in LOGOUT_TOKENS:
    claims = jwt.decode(logout_token, jwks)
    check(f"logout token for {path} is signed, carries sid and the event",
          claims["sid"] == sid and "http://schemas.openid.net/event/backchannel-logout" in claims["events"] and "nonce" not in claims)
after_web = requests.post(metadata["token_endpoint"], data={"grant_type": "refresh_token", "refresh_token": web_tokens["refresh_token"]},
                          auth=(os.environ["WEB_CLIENT_ID"], os.environ["WEB_CLIENT_SECRET"]))
after_native = requests.post(metadata["token_endpoint"], data={"grant_type": "refresh_token", "refresh_token": native_tokens["refresh_token"],
                                                                "client_id": os.environ["NATIVE_CLIENT_ID"]})
check("after card removal both apps' refresh tokens fail", after_web.status_code == 400 and after_native.status_code == 400)

# 7. PIN route hammering.
statuses = [requests.post(BROKER + "/login/pin", data={"tx": "x", "csrf": "y", "pin": "0000"}).status_code for _ in range(12)]
check("PIN route hammering → 429", statuses[-1] == 429 and 403 in statuses, str(statuses))
print(json.dumps({"checks": len(CHECKS), "ok": True}))
