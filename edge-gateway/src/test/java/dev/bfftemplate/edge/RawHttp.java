package dev.bfftemplate.edge;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Sends bytes exactly as written over a socket, for requests HTTP clients refuse to send
 * or normalise away (smuggling framing, CR/LF in headers, {@code ..} in paths).
 */
public final class RawHttp {

	private static final Duration READ_TIMEOUT = EdgeTestEnvironment.ANSWER_TIMEOUT;

	private RawHttp() {
	}

	/**
	 * Send a raw request and read the answer until the server closes or goes quiet.
	 * @param port the gateway's port on loopback
	 * @param request the request, CRLF line ends included
	 * @return the raw response text
	 * @throws IOException on a socket failure
	 */
	public static String send(int port, String request) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout((int) READ_TIMEOUT.toMillis());
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream response = new ByteArrayOutputStream();
			byte[] buffer = new byte[8192];
			try {
				int read;
				while ((read = in.read(buffer)) != -1) {
					response.write(buffer, 0, read);
					if (isComplete(response.toString(StandardCharsets.ISO_8859_1))) {
						break;
					}
				}
			}
			catch (SocketTimeoutException ex) {
				// the server kept the connection open: what arrived is the answer
				if (response.size() == 0) {
					throw new SocketTimeoutException("No answer within " + READ_TIMEOUT.toSeconds() + " s to "
							+ request.substring(0, Math.max(0, request.indexOf('\r'))));
				}
			}
			return response.toString(StandardCharsets.ISO_8859_1);
		}
	}

	/**
	 * The status code of a raw response.
	 * @param response the response text
	 * @return the status code
	 */
	public static int status(String response) {
		return Integer.parseInt(response.substring(9, 12));
	}

	private static boolean isComplete(String response) {
		int headerEnd = response.indexOf("\r\n\r\n");
		if (headerEnd < 0) {
			return false;
		}
		String head = response.substring(0, headerEnd).toLowerCase();
		int contentLength = head.indexOf("content-length:");
		if (contentLength < 0) {
			return head.contains("content-length: 0") || response.endsWith("0\r\n\r\n");
		}
		int end = head.indexOf("\r\n", contentLength);
		int length = Integer.parseInt(head.substring(contentLength + 15, (end < 0) ? head.length() : end).trim());
		return response.length() - headerEnd - 4 >= length;
	}

}
