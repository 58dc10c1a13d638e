/// Name material for synthetic identities: frequent French surnames and given names as they are typed, with
/// accents, hyphens, apostrophes and particles, so the lexical normaliser and the name keys do real work.
enum FrenchNames {
    static let surnames: [String] = """
        Martin Bernard Thomas Petit Robert Richard Durand Dubois Moreau Laurent Simon Michel Lefèvre Leroy Roux \
        David Bertrand Morel Fournier Girard Bonnet Dupont Lambert Fontaine Rousseau Vincent Müller Lefebvre Faure \
        André Mercier Blanc Guérin Boyer Garnier Chevalier François Legrand Gauthier Garcia Perrin Robin Clément \
        Morin Nicolas Henry Roussel Mathieu Gautier Masson Marchand Duval Denis Dumont Marie Lemaire Noël Meyer \
        Dufour Meunier Brun Blanchard Giraud Joly Rivière Lucas Brunet Gaillard Barbier Arnaud Martinez Gérard \
        Roche Renard Schmitt Roy Leroux Colin Vidal Caron Picard Roger Fabre Aubert Lemoine Renaud Dumas Lacroix \
        Olivier Philippe Bourgeois Pierre Benoît Rey Leclerc Payet Rolland Leclercq Guillaume Lecomte López Jean \
        Dupuy Guillot Hubert Berger Carpentier Sánchez Dupuis Moulin Louis Deschamps Huet Vasseur Perez Boucher \
        Fleury Royer Klein Jacquet Adam Paris Poirier Marty Aubry Guyot Carré Charles Renault Charpentier Ménard \
        Maillard Baron Bertin Bailly Hervé Schneider Fernandez Le\u{00A0}Gall Collet Léger Bouvier Julien Prévost \
        Millet Perrot Daniel Le\u{00A0}Roux Cousin Germain Breton Besson Langlois Rémy Le\u{00A0}Goff Pelletier Lévêque \
        Perrier Leblanc Barré Lebrun Marchal Weber Mallet Hamon Boulanger Jacob Monnier Michaud Rodriguez Guichard \
        Gillet Étienne Grondin Poulain Tessier Chevallier Collin Chauvin Da\u{00A0}Silva Bouchet Gay Lemaître Bénard \
        Maréchal Humbert Reynaud Antoine Hoarau Perret Barthélemy Cordier Pichon Lejeune Gilbert Lamy Delaunay \
        Pasquier Carlier Laporte N'Diaye D'Almeida O'Neill De\u{00A0}la\u{00A0}Fontaine Saint-Martin Le\u{00A0}Bihan \
        Kervella Ollivier Géraud Bégué Thiébaut Lenôtre Cœur Lefèvre-Durand Dupont-Aignan Béranger Élie Évrard \
        Nguyen Tran Benali Haddad Mansour Cohen Lévy Dos\u{00A0}Santos Pereira Ferreira Rocha Kowalski Novak
        """.split(separator: " ").map { $0.replacingOccurrences(of: "\u{00A0}", with: " ") }

    static let feminine: [String] = """
        Marie Jeanne Françoise Monique Catherine Nathalie Isabelle Sylvie Anne Martine Nicole Christine Sophie \
        Valérie Sandrine Céline Stéphanie Aurélie Émilie Julie Camille Léa Manon Chloé Emma Inès Jade Louise \
        Zoé Anaïs Océane Maëlle Gaëlle Hélène Geneviève Thérèse Agnès Béatrice Cécile Élise Éléonore Noémie \
        Marie-Hélène Marie-Claude Anne-Sophie Marie-Thérèse Lucie Margaux Clémence Mélanie Laëtitia Maïté \
        Joséphine Odile Solène Ségolène Bérénice Anaëlle Maëva Séverine Véronique Danièle Renée Andrée Irène \
        Léonie Jeanne-Marie Rose Alice Juliette Pauline Charlotte Victoire Adèle Apolline Héloïse Sarah Yasmine
        """.split(separator: " ").map(String.init)

    static let masculine: [String] = """
        Jean Pierre Michel André Philippe René Louis Alain Jacques Bernard Marcel Daniel Roger Claude Paul Henri \
        Christian Gérard Patrick Nicolas Christophe Stéphane Sébastien Frédéric Laurent Julien Olivier Thomas \
        Maxime Lucas Hugo Théo Louis Gabriel Raphaël Noé Léo Jérôme Grégoire Benoît Aimé Hervé Loïc Gaël Noël \
        Jean-Pierre Jean-Claude Jean-Luc Pierre-Alain Jean-Marie François-Xavier Jean-Baptiste Mathéo Timothée \
        Anthony Kévin Jérémy Cédric Rémi Joël Félix Émile Étienne Mickaël Raphaël-Jean Yannick Erwan Killian \
        Mohamed Karim Youssef Mathis Arthur Adam Ethan Nathan Valentin Clément Antoine Baptiste Victor Jules
        """.split(separator: " ").map(String.init)

    /// COG codes of birth communes (a few big cities, Corsica, overseas, and abroad).
    static let birthPlaces: [String] = [
        "75056", "13055", "69123", "31555", "06088", "44109", "67482", "34172", "33063", "59350", "35238", "51454",
        "76540", "42218", "83137", "38185", "21231", "49007", "72181", "63113", "2A004", "2B033", "97411", "97209",
        "97101", "99100", "99109", "99134", "99350", "99352",
    ]
}
