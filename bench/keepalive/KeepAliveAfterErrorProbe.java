import java.net.URI;
import java.net.http.*;
import java.time.Duration;
public class KeepAliveAfterErrorProbe {
  public static void main(String[] a) throws Exception {
    int pub = Integer.parseInt(a[0]), mgmt = Integer.parseInt(a[1]), rounds = Integer.parseInt(a[2]);
    HttpClient.Version v = a.length > 3 ? HttpClient.Version.valueOf(a[3]) : HttpClient.Version.HTTP_2;
    HttpClient client = HttpClient.newBuilder().version(v).build();
    String[] hidden = {"/actuator/env","/actuator/beans","/actuator/configprops","/actuator/heapdump","/actuator/shutdown","/actuator/gateway/routes"};
    int hangs = 0; long n = 0;
    for (int r = 0; r < rounds; r++) {
      String[][] reqs = {{""+pub,"/actuator/health"},{""+pub,"/actuator/prometheus"},{""+mgmt,"/actuator/health"},{""+mgmt,"/actuator/info"},{""+mgmt,"/actuator/prometheus"}};
      java.util.List<String[]> all = new java.util.ArrayList<>(java.util.List.of(reqs));
      for (String h : hidden) all.add(new String[]{""+mgmt,h});
      for (String[] q : all) {
        n++;
        try { client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"+q[0]+q[1])).timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString()); }
        catch (HttpTimeoutException e) { hangs++; System.out.println("HANG round " + r + " " + q[0] + q[1]); }
      }
    }
    System.out.println("requests " + n + " hangs " + hangs);
  }
}
