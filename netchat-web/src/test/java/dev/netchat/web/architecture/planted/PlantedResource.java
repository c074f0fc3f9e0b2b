package dev.netchat.web.architecture.planted;

import dev.netchat.user.UserAccount;
import dev.netchat.user.UserRepository;

/** A resource that reads a repository and hands out an entity, planted on purpose: WebLayerTest checks that its rules notice. */
public class PlantedResource {

    UserRepository users;

    public UserAccount user(String id) {
        return users.find(id).orElseThrow();
    }
}
