'use strict';

// The web app never sees a token: the BFF keeps them in the server-side session and the
// browser only holds an HttpOnly cookie. Every call sends the X-CSRF header the BFF
// requires, which a cross-site page cannot add.
const CSRF_HEADER = { 'X-CSRF': '1' };

const $ = (id) => document.getElementById(id);

async function call(method, path, body, extraHeaders) {
	const headers = { ...CSRF_HEADER, 'Accept': 'application/json', ...extraHeaders };
	if (body !== undefined) {
		headers['Content-Type'] = 'application/json';
	}
	const response = await fetch(path, {
		method, headers, credentials: 'same-origin',
		body: body !== undefined ? JSON.stringify(body) : undefined
	});
	const text = await response.text();
	const json = text ? JSON.parse(text) : null;
	if (response.status === 401) {
		showSignedOut();
	}
	return { status: response.status, ok: response.ok, json };
}

function setText(id, value) {
	$(id).textContent = value == null ? '' : String(value);
}

function list(id, items, render) {
	const element = $(id);
	element.replaceChildren(...items.map((item) => {
		const li = document.createElement('li');
		li.textContent = render(item);
		return li;
	}));
}

const warnings = new Map();

function showWarnings(screen, screenWarnings) {
	warnings.set(screen, screenWarnings || []);
	const all = [...warnings.values()].flat();
	$('degraded').hidden = all.length === 0;
	setText('degraded-list', all.map((w) => `${w.dependency} (${w.reason})`).join(', '));
}

function showSignedOut() {
	$('session-loading').hidden = true;
	$('signed-in').hidden = true;
	$('signin').hidden = false;
	$('app').hidden = true;
}

async function loadUser() {
	const { ok, json } = await call('GET', '/bff/user');
	if (!ok) {
		showSignedOut();
		return false;
	}
	$('session-loading').hidden = true;
	$('signin').hidden = true;
	$('signed-in').hidden = false;
	setText('user-name', json.name);
	setText('user-email', json.email);
	setText('session-remaining', `${Math.round(json.sessionExpiresInSeconds / 60)} min`);
	$('logout').dataset.url = json.logoutUrl;
	$('app').hidden = false;
	return true;
}

async function loadDashboard() {
	const { ok, json } = await call('GET', '/api/dashboard');
	if (!ok) {
		showWarnings('dashboard', [{ dependency: 'dashboard', reason: json && json.title ? json.title : 'error' }]);
		return;
	}
	setText('customer-name', json.customer.name);
	setText('customer-tier', json.customer.tier);
	setText('customer-since', json.customer.memberSince);
	$('orders-unavailable').hidden = json.recentOrders != null;
	list('orders', json.recentOrders ? json.recentOrders.orders : [],
		(o) => `${o.id}: ${o.quantity} × ${o.productName}, ${o.total} ${o.currency} (${o.status})`);
	list('recommendations', json.recommendations ? json.recommendations.items : [], (r) => r.name);
	showWarnings('dashboard', json.warnings);
}

async function loadProduct(event) {
	if (event) {
		event.preventDefault();
	}
	const id = $('product-id').value.trim();
	const { ok, status, json } = await call('GET', `/api/product-page/${encodeURIComponent(id)}`);
	$('product').hidden = !ok;
	$('product-error').hidden = ok;
	if (!ok) {
		setText('product-error', status === 404 ? 'No such product.' : `The product is unavailable (${status}).`);
		showWarnings('product', []);
		return;
	}
	setText('product-name', json.product.name);
	setText('product-description', json.product.description);
	setText('product-price', `${json.price.amount} ${json.price.currency}`);
	setText('product-stock', json.stock ? `${json.stock.available} available` : 'unknown right now');
	setText('product-reviews', json.reviews
		? `${json.reviews.count} reviews, average ${json.reviews.averageRating ?? '–'}` : 'unavailable right now');
	showWarnings('product', json.warnings);
}

// The order being placed and its Idempotency-Key: a resubmit of the same order after an
// unknown outcome (network error, 5xx, 409 still in flight) reuses the key, so web-bff answers
// the first attempt's result instead of placing a second order; any other order gets a new key.
let pendingOrder = null;

function newIdempotencyKey() {
	// getRandomValues, unlike randomUUID, also exists outside secure contexts (plain-http profile).
	const bytes = crypto.getRandomValues(new Uint8Array(16));
	return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

async function placeOrder(event) {
	event.preventDefault();
	const quantity = Number.parseInt($('order-quantity').value, 10);
	const order = { productId: $('order-product').value.trim(), quantity: Number.isNaN(quantity) ? null : quantity };
	const body = JSON.stringify(order);
	if (!pendingOrder || pendingOrder.body !== body) {
		pendingOrder = { body, key: newIdempotencyKey() };
	}
	let answer;
	try {
		answer = await call('POST', '/api/orders', order, { 'Idempotency-Key': pendingOrder.key });
	}
	catch (networkError) {
		setText('order-result', 'Not placed: the connection failed; submit again to retry the same order');
		return;
	}
	const { status, ok, json } = answer;
	if (ok || (status >= 400 && status < 500 && status !== 409)) {
		pendingOrder = null;
	}
	if (ok) {
		setText('order-result', `Order ${json.id} placed: ${json.quantity} × ${json.productName}, ${json.total} ${json.currency}`);
		loadDashboard();
		return;
	}
	const details = json && json.errors ? json.errors.map((e) => `${e.field}: ${e.message}`).join('; ') : '';
	setText('order-result', `Not placed: ${json && json.detail ? json.detail : 'try again later'} ${details}`);
}

async function logout() {
	const { ok, json } = await call('POST', $('logout').dataset.url || '/bff/logout');
	window.location.assign(ok && json.redirectTo ? json.redirectTo : '/');
}

document.addEventListener('DOMContentLoaded', async () => {
	$('product-form').addEventListener('submit', loadProduct);
	$('order-form').addEventListener('submit', placeOrder);
	$('logout').addEventListener('click', logout);
	if (await loadUser()) {
		await Promise.all([loadDashboard(), loadProduct()]);
	}
});
