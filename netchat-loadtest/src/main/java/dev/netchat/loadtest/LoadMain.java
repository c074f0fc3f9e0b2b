package dev.netchat.loadtest;

/** Command line: {@code java -jar target/netchat-loadtest.jar --scenario=teamchat --users=1000 ...}. */
public final class LoadMain {

    private LoadMain() {}

    public static void main(String[] args) throws Exception {
        LoadConfig cfg;
        try {
            cfg = LoadConfig.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(LoadConfig.usage());
            System.exit(2);
            return;
        }
        LoadResult r = LoadRun.run(cfg);
        System.out.println("summary: "
                + new com.fasterxml.jackson.databind.ObjectMapper()
                        .writeValueAsString(r.asMap().get("summary")));
        System.out.println("result: " + r.getJsonFile());
        System.out.println("chart:  " + r.getHtmlFile());
        System.exit(r.getLost() == 0 && r.getDoubled() == 0 ? 0 : 1);
    }
}
