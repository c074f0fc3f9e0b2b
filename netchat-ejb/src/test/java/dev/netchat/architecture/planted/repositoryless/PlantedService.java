package dev.netchat.architecture.planted.repositoryless;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** A service that queries the database itself, planted on purpose: DataLayerTest checks that its rule notices. */
public class PlantedService {

    @PersistenceContext(unitName = "netchat")
    EntityManager em;

    public long count() {
        return em.createQuery("select count(u) from UserAccount u", Long.class).getSingleResult();
    }
}
